// One tokenizer per test file: building kuromoji costs about a second and 400 MB.
import { createEngine, type Engine } from '../../src/engine.ts';

let shared: Promise<Engine> | undefined;

export function sharedEngine(): Promise<Engine> {
  shared ??= createEngine();
  return shared;
}
