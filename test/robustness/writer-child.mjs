// Child process for the kill-mid-write test: rewrites one file again and again with
// writeFileAtomic until it is killed. Each version is 8 MB of one repeated letter.
import { writeFileAtomic } from '../../dist/src/files/write-atomic.js';

const [target] = process.argv.slice(2);
const size = 8 * 1024 * 1024;
for (let round = 0; ; round++) {
  const letter = String.fromCharCode(97 + (round % 26));
  writeFileAtomic(target, Buffer.alloc(size, letter));
  process.stdout.write(`${round}\n`);
}
