import type { WorkPointLike } from '../../src/lib/workpoints';

const doc001 = { id: 'xy-fa', title: '夏邑县创建全省法治政府建设示范县工作推进方案' };
const doc004 = { id: 'yfzb-12', docNumber: '豫法政办〔2019〕12号', title: '关于做好2019年行政执法责任制有关工作的通知' };

function wp(p: Partial<WorkPointLike> & Pick<WorkPointLike, 'id' | 'title' | 'section' | 'order'>): WorkPointLike {
  return {
    kind: 'item', document: doc001, year: 2023, seq: p.order, marker: '', body: '', deadlines: [], quotas: [], units: [], themes: [],
    source: { file: '001.txt', lines: [p.order + 20, p.order + 20] }, ...p,
  };
}

export const points: WorkPointLike[] = [
  wp({ id: 'xy-fa-2-2', title: '创建目标', section: '二、创建主体和目标', order: 1, body: '2024年第二季度前成功申创全省法治政府建设示范县。',
    deadlines: [{ date: '2024-06-30', start: '2024-04-01', precision: 'period', text: '2024年第二季度前' }] }),
  wp({ id: 'xy-fa-4-1', title: '加压部署', section: '四、创建步骤', order: 2, timing: '2023年9月初', body: '召开全县法治政府建设示范县创建工作推进会议。',
    deadlines: [{ date: '2023-09-10', start: '2023-09-01', precision: 'period', text: '2023年9月初' }], themes: [{ id: 'shifan', label: '示范创建', terms: ['示范县'] }] }),
  wp({ id: 'xy-fa-4-2', title: '全面自查', section: '四、创建步骤', order: 3, timing: '2023年9月底前', units: ['各乡（镇）', '各单位'],
    deadlines: [{ date: '2023-09-30', precision: 'day', text: '2023年9月底前' }] }),
  wp({ id: 'xy-fa-4-6', title: '集中申报', section: '四、创建步骤', order: 4, timing: '按照市部署时间',
    deadlines: [{ date: null, text: '按照市部署时间', note: '无具体日期：按上级部署的时间进行' }] }),
  wp({ id: 'xy-fa-3-4', title: '持续推进严格规范公正文明执法', section: '三、主要任务', order: 5, body: '深入推进综合行政执法体制改革，继续推进行政调解和行政裁决。',
    themes: [{ id: 'tiaojie', label: '行政调解', terms: ['行政调解'] }] }),
  {
    id: 'yfzb-12-t1-2', kind: 'row', document: doc004, year: 2019, section: '工作任务细则（省辖市、省直管县市政府）', seq: 2, marker: '二', order: 1,
    title: '全面审定行政执法资格', body: '做好资格审定、清理工作。', units: ['省辖市、省直管县市政府'], quotas: [], themes: [],
    deadlines: [
      { date: '2019-09-30', start: '2019-09-01', precision: 'month', text: '9 月', label: '做好资格审定、清理工作' },
      { date: '2019-10-31', start: '2019-10-01', precision: 'month', text: '10 月', label: '组织培训' },
    ],
    source: { file: '004.txt', lines: [296, 296] },
  },
];
