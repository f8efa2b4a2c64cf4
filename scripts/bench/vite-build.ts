// tsx scripts/bench/vite-build.ts <public folder> <output folder>
// The production build with another public folder (the benchmark's bundle in its data/), so the
// build copies and sees the benchmark's archive rather than the seeds. Run under /usr/bin/time.
import { build } from 'vite'

const [publicDir, outDir] = process.argv.slice(2)
if (!publicDir || !outDir) throw new Error('usage: vite-build.ts <public folder> <output folder>')
await build({ publicDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
