// kuromoji, built once per process and handed to whoever needs it. Loading the dictionary costs
// about 0.7 s and 400 MB, so nothing may build it lazily on a hot path.
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';

export interface Token {
  surface: string;
  /** 0-based UTF-16 offset into the tokenized string */
  start: number;
  pos: string;
  posDetail: string;
  /** IPADIC's second-level part of speech (副詞可能, 接尾 …), '*' when none. */
  posDetail2: string;
  /** Conjugated form (連用形, 基本形, 命令ｉ …), '*' for words that do not conjugate. */
  conjForm: string;
  baseForm: string;
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

function dictPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('kuromoji/package.json');
  return path.join(path.dirname(pkg), 'dict');
}

export function buildTokenizer(): Promise<Tokenizer> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath: dictPath() }).build((err, t) => {
      if (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      resolve({
        tokenize(text: string): Token[] {
          if (text.length === 0) return [];
          // word_position counts code points, not UTF-16 units, so offsets are recomputed by
          // walking the surfaces in order.
          let cursor = 0;
          return t.tokenize(text).map((k) => {
            const at = text.indexOf(k.surface_form, cursor);
            const start = at < 0 ? cursor : at;
            cursor = start + k.surface_form.length;
            return {
              surface: k.surface_form,
              start,
              pos: k.pos,
              posDetail: k.pos_detail_1,
              posDetail2: k.pos_detail_2,
              conjForm: k.conjugated_form,
              baseForm: k.basic_form === '*' ? k.surface_form : k.basic_form,
            };
          });
        },
      });
    });
  });
}
