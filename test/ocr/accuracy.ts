// Character accuracy of OCR against the text a screenshot shows, both NFKC-normalised and without
// whitespace. recall: share of the message's characters read, in order (longest common
// subsequence); precision: share of the read characters that belong to the message (the rest is
// screen furniture that survived, such as the contact's name in the header).

const norm = (s: string): string[] => [...s.normalize('NFKC').replace(/\s+/g, '')];

export function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

export function charAccuracy(pairs: readonly { read: string; source: string }[]): { recall: number; precision: number } {
  let common = 0;
  let source = 0;
  let read = 0;
  for (const p of pairs) {
    const r = norm(p.read);
    const s = norm(p.source);
    common += lcs(r, s);
    source += s.length;
    read += r.length;
  }
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return { recall: source ? round(common / source) : 1, precision: read ? round(common / read) : 1 };
}
