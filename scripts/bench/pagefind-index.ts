// tsx scripts/bench/pagefind-index.ts <bundle data folder> <output folder>
// Pagefind (language zh) over the same articles as the bundle: each article's title and text as a
// custom record whose URL is the app's article path, so its results compare with the app's by id.
// Run as a child of the benchmark, under /usr/bin/time, for its wall time and peak memory.
import * as pagefind from 'pagefind'
import { readBundleArticles } from './truth'

async function main() {
  const [data, output] = process.argv.slice(2)
  if (!data || !output) throw new Error('usage: pagefind-index.ts <bundle data folder> <output folder>')
  const articles = readBundleArticles(data)
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' })
  if (!index) throw new Error(`pagefind did not start: ${errors.join('; ')}`)
  const problems: string[] = []
  // In batches: the service answers in order, and 20,000 pending requests would only hold memory.
  for (let at = 0; at < articles.length; at += 200) {
    const answers = await Promise.all(
      articles.slice(at, at + 200).map(({ id, title, text }) => index.addCustomRecord({ url: `/articles/${id}`, content: text, language: 'zh', meta: { title } })),
    )
    for (const answer of answers) problems.push(...answer.errors)
  }
  const written = await index.writeFiles({ outputPath: output })
  problems.push(...written.errors)
  await pagefind.close()
  if (problems.length > 0) throw new Error(`pagefind: ${problems.slice(0, 5).join('; ')}`)
  console.log(JSON.stringify({ records: articles.length }))
}

if (process.argv[1]?.endsWith('pagefind-index.ts')) await main()
