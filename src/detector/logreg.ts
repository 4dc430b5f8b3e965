// L2-regularised logistic regression over sparse binary features, fitted with L-BFGS.
// Pure and deterministic: the same rows in the same order give the same weights, so the model
// file in rules/model/ can be rebuilt and compared by anyone (npm run train).
//
// Each row is a set of feature indices; every feature of a row has the same value 1/sqrt(k)
// (k = the number of distinct features in the text), so a long posting does not outweigh a
// short message just by having more n-grams.

export interface SparseRow {
  /** Feature indices present in the row (distinct). */
  idx: Int32Array;
  /** Number of distinct n-grams of the text, known or not; the row's feature value is 1/sqrt(norm). */
  norm: number;
}

export interface FitOptions {
  /** Inverse regularisation strength: loss = Σ logloss + |w|² / (2C). */
  c: number;
  maxIter?: number;
  /** Stop when the gradient's max-norm falls below this. */
  tol?: number;
  history?: number;
  /** Per-row weight of the loss (default 1): a few real texts can count for more than many written ones. */
  sampleWeights?: ArrayLike<number>;
}

export interface FitResult {
  weights: Float64Array;
  bias: number;
  iterations: number;
  loss: number;
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return z > 30 ? z : z < -30 ? Math.exp(z) : Math.log1p(Math.exp(z));
}

export function fitLogReg(rows: SparseRow[], labels: ArrayLike<number>, dim: number, opts: FitOptions): FitResult {
  const n = rows.length;
  const maxIter = opts.maxIter ?? 400;
  const tol = opts.tol ?? 1e-5;
  const m = opts.history ?? 10;
  const size = dim + 1; // last slot is the bias
  const vals = rows.map((r) => 1 / Math.sqrt(Math.max(1, r.norm)));

  // Loss and gradient at x; g is written in place.
  function evaluate(x: Float64Array, g: Float64Array): number {
    g.fill(0);
    let loss = 0;
    const b = x[dim] as number;
    for (let i = 0; i < n; i++) {
      const row = rows[i] as SparseRow;
      const v = vals[i] as number;
      let s = 0;
      for (let k = 0; k < row.idx.length; k++) s += x[row.idx[k] as number] as number;
      const z = v * s + b;
      const y = labels[i] as number;
      const sw = opts.sampleWeights ? (opts.sampleWeights[i] as number) : 1;
      loss += sw * (softplus(z) - y * z);
      const d = sw * (sigmoid(z) - y);
      const dv = d * v;
      for (let k = 0; k < row.idx.length; k++) {
        const j = row.idx[k] as number;
        g[j] = (g[j] as number) + dv;
      }
      g[dim] = (g[dim] as number) + d;
    }
    const inv = 1 / opts.c;
    for (let j = 0; j < dim; j++) {
      const w = x[j] as number;
      loss += 0.5 * inv * w * w;
      g[j] = (g[j] as number) + inv * w;
    }
    return loss;
  }

  const x = new Float64Array(size);
  const g = new Float64Array(size);
  let f = evaluate(x, g);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const dir = new Float64Array(size);
  const xNew = new Float64Array(size);
  const gNew = new Float64Array(size);
  const alpha = new Float64Array(m);
  let iter = 0;
  const maxAbs = (a: Float64Array): number => {
    let mx = 0;
    for (let j = 0; j < a.length; j++) mx = Math.max(mx, Math.abs(a[j] as number));
    return mx;
  };
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number);
    return s;
  };

  for (; iter < maxIter && maxAbs(g) > tol; iter++) {
    // Two-loop recursion: dir = -H·g.
    for (let j = 0; j < size; j++) dir[j] = -(g[j] as number);
    for (let k = sList.length - 1; k >= 0; k--) {
      const a = (rhoList[k] as number) * dot(sList[k] as Float64Array, dir);
      alpha[k] = a;
      const yk = yList[k] as Float64Array;
      for (let j = 0; j < size; j++) dir[j] = (dir[j] as number) - a * (yk[j] as number);
    }
    if (sList.length > 0) {
      const sk = sList[sList.length - 1] as Float64Array;
      const yk = yList[yList.length - 1] as Float64Array;
      const gamma = dot(sk, yk) / dot(yk, yk);
      for (let j = 0; j < size; j++) dir[j] = (dir[j] as number) * gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      for (let j = 0; j < size; j++) dir[j] = (dir[j] as number) / Math.max(1, gn);
    }
    for (let k = 0; k < sList.length; k++) {
      const beta = (rhoList[k] as number) * dot(yList[k] as Float64Array, dir);
      const sk = sList[k] as Float64Array;
      const a = alpha[k] as number;
      for (let j = 0; j < size; j++) dir[j] = (dir[j] as number) + (a - beta) * (sk[j] as number);
    }
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      sList.length = 0;
      yList.length = 0;
      rhoList.length = 0;
      for (let j = 0; j < size; j++) dir[j] = -(g[j] as number);
      slope = dot(g, dir);
    }
    // Backtracking line search (Armijo).
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < size; j++) xNew[j] = (x[j] as number) + step * (dir[j] as number);
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) break; // no progress possible
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let j = 0; j < size; j++) {
      s[j] = (xNew[j] as number) - (x[j] as number);
      y[j] = (gNew[j] as number) - (g[j] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
      if (sList.length > m) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
    }
    x.set(xNew);
    g.set(gNew);
    const converged = Math.abs(f - fNew) < 1e-9 * Math.max(1, Math.abs(f));
    f = fNew;
    if (converged) break;
  }
  return { weights: x.slice(0, dim), bias: x[dim] as number, iterations: iter, loss: f };
}

export { sigmoid };
