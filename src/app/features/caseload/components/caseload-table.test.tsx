import { describe, expect, it, vi } from 'vitest';
import type { CaseloadRow } from '../../../../shared/domain/caseload';
import { renderForTest } from '../../../components/render-for-test';
import { CaseloadTable } from './caseload-table';

const row = (i: number): CaseloadRow => ({
  clientId: `01a20165-0000-7000-8000-${String(i).padStart(12, '0')}`,
  alias: `Person ${i}`,
  keyWorkerId: null,
  lastContactAt: null,
  urgentNeeds: [],
  urgentWithoutReferral: [],
  openReferrals: [],
  nextAppointmentAt: null,
  missedAppointments: 0,
  missedWithoutFollowUpDone: 0,
  openFollowUps: 0,
  nrm: null,
  safetyFlags: [],
});

describe('CaseloadTable', () => {
  it('renders only the rows in view of a long caseload, and says how many there are', async () => {
    // jsdom has no layout: the scrolling box and the rows report the sizes they have in a browser.
    const size = (px: number) =>
      function (this: HTMLElement) {
        return this.classList.contains('caseload-scroll') ? px : 0;
      };
    const layout = [
      vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(size(640)),
      vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(size(1280)),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
        return this.tagName === 'TR' ? 64 : 0;
      }),
    ];
    const rows = Array.from({ length: 5_000 }, (_, i) => row(i));
    const onAssign = vi.fn(async () => undefined);
    const view = await renderForTest(
      <CaseloadTable rows={rows} members={[]} names={new Map()} now={new Date()} sort={{ key: 'alias', direction: 'ascending' }} onSort={() => undefined} onAssign={onAssign} />,
    );
    const rendered = view.container.querySelectorAll('tbody tr:not(.caseload-spacer)');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(100);
    expect(view.container.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001');
    expect(rendered[0]?.getAttribute('aria-rowindex')).toBe('2');
    view.unmount();
    for (const spy of layout) spy.mockRestore();
  });
});
