// The "one door for untrusted HTML" rule in eslint.config.js, run through ESLint itself on
// snippets: every way to turn a string into markup is refused outside SafeHtml.
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}/eslint.config.js` })

/** Messages of the HTML-sink rule for a snippet linted as if it lived at filePath. */
async function sinkMessages(code: string, filePath = 'src/features/example/example.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` })
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message)
}

describe('HTML sinks are refused outside SafeHtml', () => {
  test.each([
    ['the JSX attribute', 'export const A = (html: string) => <div dangerouslySetInnerHTML={{ __html: html }} />'],
    ['an object key (createElement props)', "import { createElement } from 'react'\nexport const A = (html: string) => createElement('div', { dangerouslySetInnerHTML: { __html: html } })"],
    ['a quoted object key', "export const props = (html: string) => ({ 'dangerouslySetInnerHTML': { __html: html } })"],
    ['innerHTML =', 'export function f(el: Element, html: string) { el.innerHTML = html }'],
    ['innerHTML +=', 'export function f(el: Element, html: string) { el.innerHTML += html }'],
    ["el['innerHTML'] =", "export function f(el: Element, html: string) { el['innerHTML'] = html }"],
    ['outerHTML =', 'export function f(el: Element, html: string) { el.outerHTML = html }'],
    ['insertAdjacentHTML', "export function f(el: Element, html: string) { el.insertAdjacentHTML('beforeend', html) }"],
    ['document.write', 'export function f(html: string) { document.write(html) }'],
    ['document.writeln', 'export function f(html: string) { document.writeln(html) }'],
    ['window.document.write', 'export function f(html: string) { window.document.write(html) }'],
    ['createContextualFragment', 'export function f(html: string) { return document.createRange().createContextualFragment(html) }'],
    ['setHTMLUnsafe', 'export function f(el: Element, html: string) { el.setHTMLUnsafe(html) }'],
  ])('%s', async (_label, code) => {
    const messages = await sinkMessages(code)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('SafeHtml')
  })

  test('reading markup and writing text are allowed', async () => {
    expect(await sinkMessages('export function f(el: Element) { el.textContent = el.innerHTML + el.outerHTML }')).toEqual([])
  })

  test('SafeHtml itself may use dangerouslySetInnerHTML', async () => {
    expect(await sinkMessages('export const A = (html: string) => <div dangerouslySetInnerHTML={{ __html: html }} />', 'src/components/safe-html.tsx')).toEqual([])
  })
})
