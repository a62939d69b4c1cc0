import { describe, expect, it } from 'vitest';
import { triagePriority } from './directory.ts';
import { urgencies } from './model.ts';

describe('triagePriority', () => {
  it('ranks the assessment from call-112 (4) down to self-care (0), most urgent highest', () => {
    expect(urgencies.map((urgency) => [urgency, triagePriority(urgency)])).toEqual([
      ['call-112', 4],
      ['emergency-now', 3],
      ['care-today', 2],
      ['care-days', 1],
      ['self-care', 0],
    ]);
  });

  it('gives no priority to an assessment without an outcome', () => {
    expect(triagePriority(null)).toBeNull();
  });
});
