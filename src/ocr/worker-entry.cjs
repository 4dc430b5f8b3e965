// Entry of the OCR worker thread: Tesseract's own Node worker script, run at a lower CPU priority
// than the event loop's thread. On Linux a nice value belongs to a thread, so this lowers only the
// OCR thread: when the cores are busy, text checks (on the main thread) go first and OCR takes
// what is left; on an idle machine OCR runs at full speed on the other core. Plain CommonJS: the
// worker runs it without the TypeScript loader.
'use strict';
try {
  require('node:os').setPriority(10);
} catch {
  // Not permitted or not supported here: run at normal priority.
}
require('tesseract.js/src/worker-script/node/index.js');
