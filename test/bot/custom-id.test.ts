import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, PLATFORMS } from '../../src/detector/types.ts';
import { REFUSAL_PARTS } from '../../src/reply/copy-types.ts';
import { decodeButton, encodeButton, type ButtonAction } from '../../src/reply/custom-id.ts';

describe('button custom_id', () => {
  it('round-trips every button state within Discord’s 100 characters', () => {
    const all: ButtonAction[] = [];
    for (const locale of ['ja', 'en'] as const) {
      all.push({ action: 'replied', locale });
      for (const platform of PLATFORMS) {
        all.push({ action: 'report', platform, category: null, locale });
        for (const category of CATEGORY_IDS) all.push({ action: 'report', platform, category, locale });
        for (const a of REFUSAL_PARTS) {
          all.push({ action: 'refusal', parts: [a], platform, locale });
          for (const b of REFUSAL_PARTS) if (a !== b) all.push({ action: 'refusal', parts: [a, b], platform, locale });
        }
      }
    }
    for (const a of all) {
      const id = encodeButton(a);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id)).toEqual(a);
    }
  });

  it('keeps the documented formats stable', () => {
    expect(encodeButton({ action: 'refusal', parts: ['contact', 'payment'], platform: 'crowdworks', locale: 'ja' })).toBe('gg:v2:refusal:crowdworks:contact.payment:ja');
    expect(encodeButton({ action: 'report', platform: 'coconala', category: 'upfront_payment', locale: 'en' })).toBe('gg:v2:report:coconala:upfront_payment:en');
    expect(encodeButton({ action: 'report', platform: 'other', category: null, locale: 'en' })).toBe('gg:v2:report:other:-:en');
    expect(encodeButton({ action: 'replied', locale: 'ja' })).toBe('gg:v2:replied:ja');
  });

  it('still reads the first format (old replies must keep working)', () => {
    expect(decodeButton('gg:v1:refusal:contact_tool:crowdworks:ja')).toEqual({ action: 'refusal', parts: ['contact'], platform: 'crowdworks', locale: 'ja' });
    expect(decodeButton('gg:v1:refusal:pressure:lancers:en')).toEqual({ action: 'refusal', parts: ['approval', 'work_first'], platform: 'lancers', locale: 'en' });
    expect(decodeButton('gg:v1:report:coconala:en')).toEqual({ action: 'report', platform: 'coconala', category: null, locale: 'en' });
    expect(decodeButton('gg:v1:replied:ja')).toEqual({ action: 'replied', locale: 'ja' });
  });

  it('rejects anything unknown or malformed', () => {
    for (const id of [
      '',
      'gg:v1:',
      'gg:v3:replied:ja',
      'gg:v1:replied:fr',
      'gg:v1:refusal:x:crowdworks:ja',
      'gg:v1:report:crowdworks',
      'gg:v1:replied:ja:extra',
      'gg:v2:refusal:crowdworks::ja',
      'gg:v2:refusal:crowdworks:contact.payment.fees:ja',
      'gg:v2:refusal:crowdworks:nonsense:ja',
      'gg:v2:report:crowdworks:nonsense:ja',
      'gg:v2:report:crowdworks:ja',
      'other:thing',
      `gg:v2:replied:${'j'.repeat(200)}`,
    ]) {
      expect(decodeButton(id), id).toBeNull();
    }
  });
});
