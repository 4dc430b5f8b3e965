import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/detector/types.ts';
import { REFUSAL_KINDS } from '../../src/reply/copy-types.ts';
import { decodeButton, encodeButton, type ButtonAction } from '../../src/reply/custom-id.ts';

describe('button custom_id', () => {
  it('round-trips every button state within Discord’s 100 characters', () => {
    const all: ButtonAction[] = [];
    for (const locale of ['ja', 'en'] as const) {
      all.push({ action: 'replied', locale });
      for (const platform of PLATFORMS) {
        all.push({ action: 'report', platform, locale });
        for (const kind of REFUSAL_KINDS) all.push({ action: 'refusal', kind, platform, locale });
      }
    }
    for (const a of all) {
      const id = encodeButton(a);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id)).toEqual(a);
    }
  });

  it('keeps the documented v1 format stable (old replies must keep working)', () => {
    expect(decodeButton('gg:v1:refusal:contact_tool:crowdworks:ja')).toEqual({ action: 'refusal', kind: 'contact_tool', platform: 'crowdworks', locale: 'ja' });
    expect(decodeButton('gg:v1:report:coconala:en')).toEqual({ action: 'report', platform: 'coconala', locale: 'en' });
    expect(decodeButton('gg:v1:replied:ja')).toEqual({ action: 'replied', locale: 'ja' });
  });

  it('rejects anything unknown or malformed', () => {
    for (const id of ['', 'gg:v1:', 'gg:v2:replied:ja', 'gg:v1:replied:fr', 'gg:v1:refusal:x:crowdworks:ja', 'gg:v1:report:crowdworks', 'gg:v1:replied:ja:extra', 'other:thing', `gg:v1:replied:${'j'.repeat(200)}`]) {
      expect(decodeButton(id)).toBeNull();
    }
  });
});
