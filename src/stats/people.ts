// How many different people an item (a level, category, tool, platform, rule) comes from, per
// ISO week, without storing who they were.
//
// For each item and week the store keeps a set of 256 bits; a check sets the bit picked by the
// first byte of its reporter's weekly hash (a keyed HMAC under a salt of that week, see keys.ts). One
// person sets one bit per item and week, however often they check, so the number of bits set is a
// lower bound on the number of people: /stats shows an item only when at least MIN_PEOPLE bits are
// set, so a single account (or a handful) can never unlock a breakdown on its own. Two people may
// share a bit, which only ever hides an item, never shows one too early. Sets of several weeks are
// OR-ed: a person counts once per week.
//
// Stored as a BLOB of (uint32 code, 32 bytes of bits) records, sorted by code, one per server and
// week (codes: codes.ts DIM, as in counts.ts). Pure helpers only.
import { vectorCode } from './counts.ts';

export const PEOPLE_BYTES = 32;
const RECORD = 4 + PEOPLE_BYTES;

/** Item code → its bit set. */
export type PeopleVector = Map<number, Uint8Array>;


/** Sets the reporter's bit for an item. */
export function addPerson(v: PeopleVector, code: number, who: Uint8Array): void {
  let bits = v.get(code);
  if (!bits) {
    bits = new Uint8Array(PEOPLE_BYTES);
    v.set(code, bits);
  }
  const bit = who[0] ?? 0;
  bits[bit >> 3] = (bits[bit >> 3] as number) | (1 << (bit & 7));
}

export function encodePeople(v: PeopleVector): Buffer {
  const codes = [...v.keys()].sort((a, b) => a - b);
  const buf = Buffer.alloc(codes.length * RECORD);
  codes.forEach((c, i) => {
    buf.writeUInt32LE(c, i * RECORD);
    buf.set(v.get(c) as Uint8Array, i * RECORD + 4);
  });
  return buf;
}

/** ORs an encoded vector into `into`. */
export function orEncodedPeople(into: PeopleVector, blob: Uint8Array): void {
  const b = Buffer.isBuffer(blob) ? blob : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (b.length % RECORD !== 0) throw new RangeError('corrupt people vector');
  for (let i = 0; i < b.length; i += RECORD) {
    const code = b.readUInt32LE(i);
    let bits = into.get(code);
    if (!bits) {
      bits = new Uint8Array(PEOPLE_BYTES);
      into.set(code, bits);
    }
    for (let k = 0; k < PEOPLE_BYTES; k++) bits[k] = (bits[k] as number) | (b[i + 4 + k] as number);
  }
}

/** a OR b, for SQL (people_or). */
export function mergePeople(a: Uint8Array | null, b: Uint8Array | null): Buffer {
  const v: PeopleVector = new Map();
  if (a) orEncodedPeople(v, a);
  if (b) orEncodedPeople(v, b);
  return encodePeople(v);
}

function popcount(bits: Uint8Array): number {
  let n = 0;
  for (const byte of bits) {
    let x = byte;
    while (x) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}

/** People (at least) behind one item: `dim` from DIM, `key` its code in that dimension. */
export function peopleOf(v: PeopleVector, dim: number, key: number): number {
  const bits = v.get(vectorCode(dim, key));
  return bits ? popcount(bits) : 0;
}

/** People (at least) behind any of several items together (the folded 「その他」 row). */
export function peopleOfAny(v: PeopleVector, items: readonly [dim: number, key: number][]): number {
  const acc = new Uint8Array(PEOPLE_BYTES);
  for (const [dim, key] of items) {
    const bits = v.get(vectorCode(dim, key));
    if (bits) for (let k = 0; k < PEOPLE_BYTES; k++) acc[k] = (acc[k] as number) | (bits[k] as number);
  }
  return popcount(acc);
}
