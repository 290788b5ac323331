/**
 * The dated work points as an iCalendar file (the `ics` package): all-day events, UIDs from the
 * work point id, DTSTAMP = the build day (BUILD_DATE / SOURCE_DATE_EPOCH) so rebuilds do not churn.
 */
import type { APIContext } from 'astro';
import { loadWorkpoints, today } from '../../lib/workpoints-data';
import { timelineEntries, toIcs } from '../../lib/timeline';
import { site } from '../../lib/site';
import { url } from '../../lib/url';

export async function GET(context: APIContext) {
  const origin = context.site ?? new URL(site().siteUrl);
  const ics = toIcs(timelineEntries(await loadWorkpoints()), {
    today: today(),
    pageUrl: (id) => new URL(url(`workpoints/${id}/`), origin).href,
    uidDomain: origin.hostname,
  });
  return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
}
