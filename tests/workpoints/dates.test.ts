import { describe, expect, it } from 'vitest';
import { findDeadlines, parseDeadline, parseFullDate } from '../../scripts/ingest/dates';

// One test per date form found in the seeds (grep 年/月/日/前/底/初/上旬/季度 over content/sources).
describe('dates: every deadline form in the seeds', () => {
  it('YYYY年M月D日前 (豫法政办〔2019〕10号: 于2019年9月30日前)', () => {
    expect(parseDeadline('2019年9月30日前')).toEqual({ date: '2019-09-30', precision: 'day', text: '2019年9月30日前' });
  });
  it('spaced digits: 2019 年 8 月 20 日前 (郑法政办〔2019〕7号)', () => {
    expect(findDeadlines('并于 2019 年 8 月 20 日前将《申报表》')).toEqual([{ date: '2019-08-20', precision: 'day', text: '2019 年 8 月 20 日前' }]);
  });
  it('year-less M月D日之前 takes the document year (002: 11月30日之前, 10月31日之前)', () => {
    const [d] = findDeadlines('于11月30日之前发至电子邮箱', { year: 2022 });
    expect(d).toMatchObject({ date: '2022-11-30', precision: 'day', text: '11月30日之前' });
    expect(d!.note).toContain('年份');
    expect(findDeadlines('于10月31日之前，择优推荐', { year: 2022 })[0]!.date).toBe('2022-10-31');
  });
  it('M 月上旬之前 keeps period precision (002: 于 7 月上旬之前)', () => {
    expect(findDeadlines('于 7 月上旬之前，梳理出', { year: 2022 })[0]).toMatchObject({
      date: '2022-07-10', start: '2022-07-01', precision: 'period', text: '7 月上旬之前',
    });
  });
  it('中旬 and 下旬 end on the 20th and the last day of the month', () => {
    expect(parseDeadline('2024年2月下旬').date).toBe('2024-02-29');
    expect(parseDeadline('2024年2月中旬')).toMatchObject({ date: '2024-02-20', start: '2024-02-11' });
  });
  it('YYYY年M月初 keeps period precision (001: 加压部署 2023年9月初, 限期整改 2023年10月初)', () => {
    expect(parseDeadline('2023年9月初')).toEqual({ date: '2023-09-10', precision: 'period', text: '2023年9月初', start: '2023-09-01' });
    expect(parseDeadline('2023年10月初').start).toBe('2023-10-01');
  });
  it('YYYY年M月底前 → end of month (001: 2023年9月底前 → 2023-09-30, 2023年11月底前)', () => {
    expect(parseDeadline('2023年9月底前')).toEqual({ date: '2023-09-30', precision: 'day', text: '2023年9月底前' });
    expect(parseDeadline('2023年11月底前').date).toBe('2023-11-30');
    expect(parseDeadline('2023年10月底前').date).toBe('2023-10-31');
  });
  it('YYYY年M月底 without 前 (001 附件 说明: 截止时间为2023年6月底)', () => {
    expect(findDeadlines('截止时间为2023年6月底，没有明确')[0]).toMatchObject({ date: '2023-06-30', text: '2023年6月底' });
  });
  it('YYYY年第N季度前 → the quarter (001 创建目标: 2024年第二季度前)', () => {
    expect(findDeadlines('2024年第二季度前成功申创')).toEqual([
      { date: '2024-06-30', precision: 'period', text: '2024年第二季度前', start: '2024-04-01' },
    ]);
  });
  it('YYYY年年底前 (001 指标33: 2021年年底前)', () => {
    expect(findDeadlines('应当在2021年年底前全部设立公职律师')[0]).toMatchObject({ date: '2021-12-31', precision: 'day', text: '2021年年底前' });
  });
  it('month only, several in one cell (004 工作任务细则: 9 月 10 月 11 月, 8月 9月 10月)', () => {
    const ds = findDeadlines('9 月 10 月 11 月', { year: 2019 });
    expect(ds.map((d) => [d.date, d.start, d.precision, d.text])).toEqual([
      ['2019-09-30', '2019-09-01', 'month', '9 月'],
      ['2019-10-31', '2019-10-01', 'month', '10 月'],
      ['2019-11-30', '2019-11-01', 'month', '11 月'],
    ]);
    expect(findDeadlines('8月 9月 10月', { year: 2019 }).map((d) => d.date)).toEqual(['2019-08-31', '2019-09-30', '2019-10-31']);
  });
  it('month followed by what falls due (9 月公布行政执法权责清单; 12 月公布…)', () => {
    expect(findDeadlines('9 月公布行政执法权责清单; 12 月公布岗位职责体系', { year: 2019 }).map((d) => d.date)).toEqual(['2019-09-30', '2019-12-31']);
  });
  it('按照市部署时间 has no date and says so (001: 集中申报, 迎接考评)', () => {
    const [d] = findDeadlines('（按照市部署时间）', { year: 2023 });
    expect(d!.date).toBeNull();
    expect(d!.precision).toBeUndefined();
    expect(d!.text).toBe('按照市部署时间');
    expect(d!.note).toMatch(/无具体日期/);
  });
  it('每年第一季度 repeats yearly; first occurrence after the document date (003: 2016-05-15 → 2017 Q1)', () => {
    const [d] = findDeadlines('政府部门每年第一季度要向本级政府报告', { year: 2016, after: '2016-05-15' });
    expect(d).toMatchObject({ date: '2017-03-31', start: '2017-01-01', precision: 'period', recurring: 'yearly', text: '每年第一季度' });
  });
  it('每季度 / 每半年 / 每月 repeat; the first window is the one that contains the document date', () => {
    const opts = { year: 2024, after: '2024-03-15' };
    expect(findDeadlines('市政府督查室每季度通报一次', opts)).toEqual([
      { date: '2024-03-31', precision: 'period', text: '每季度', start: '2024-01-01', recurring: 'quarterly', note: '每季度重复；此处为发文后的第一次' },
    ]);
    expect(findDeadlines('每半年开展一次督察', opts)[0]).toMatchObject({ date: '2024-06-30', start: '2024-01-01', recurring: 'half-yearly' });
    expect(findDeadlines('每半年开展一次督察', { year: 2024, after: '2024-09-02' })[0]).toMatchObject({ date: '2024-12-31', start: '2024-07-01' });
    // 001 督导推进机制: 每月由县领导主持…；每季度适时召开一次观摩点评 (方案 signed 2023-08-31)
    expect(findDeadlines('每月由县领导主持召开创建推进会；每季度适时召开一次观摩点评', { year: 2023, after: '2023-08-31' }).map((d) => [d.text, d.date, d.recurring])).toEqual([
      ['每月', '2023-08-31', 'monthly'],
      ['每季度', '2023-09-30', 'quarterly'],
    ]);
    expect(findDeadlines('每个月报送', opts)[0]).toMatchObject({ text: '每个月', recurring: 'monthly', date: '2024-03-31' });
    // without any date of the document the first occurrence is unknown, and the note says so
    expect(findDeadlines('每季度通报')[0]).toMatchObject({ date: null, recurring: 'quarterly', note: '每季度重复；缺少年份，无法确定第一次的日期' });
    // 每年 alone names no window: not a deadline
    expect(findDeadlines('区政府每年至少举办1期培训班', { year: 2016 })).toEqual([]);
  });
  it('durations and sizes are not deadlines (3个月内, 15日内, 5年内, 2000字, 2023年版)', () => {
    expect(findDeadlines('在公布之日起3个月内进行培训；15日内报送；力争在5年内；2000字以内；（2023年版）', { year: 2019 })).toEqual([]);
  });
  it('a year-less phrase without a document year has no date and says why', () => {
    expect(findDeadlines('11月30日之前')[0]).toMatchObject({ date: null, note: '缺少年份，无法确定日期' });
  });
  it('full signature dates (2022 年 6 月 15 日)', () => {
    expect(parseFullDate('2022 年 6 月 15 日')).toBe('2022-06-15');
    expect(parseFullDate('　2023年8月31日      ')).toBe('2023-08-31');
  });
  it('parseDeadline rejects text that is not one date phrase', () => {
    expect(() => parseDeadline('适时')).toThrow(/not one recognised date phrase/);
  });
});
