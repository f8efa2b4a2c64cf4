// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { dangersIn, XSS_VECTORS, type VectorFamily } from '../../tests/e2e/xss-vectors'
import { SafeHtml } from './safe-html'

afterEach(cleanup)

function renderBody(html: string): HTMLElement {
  const { container } = render(<SafeHtml html={`<p>向量之前</p>${html}`} />)
  return container.firstElementChild as HTMLElement
}

// jsdom's parser builds 60,000 nested elements in minutes (browsers cap the depth, it does not): the
// deep family runs in chromium (tests/e2e/security.e2e.ts); sanitize-bounds.test.ts covers the bound here.
const families = [...new Set(XSS_VECTORS.map((vector) => vector.family))].filter((family) => family !== 'deep-nesting') as VectorFamily[]

describe('SafeHtml neutralises every vector family', () => {
  test.each(families)('%s', (family) => {
    const xss = vi.fn()
    Object.assign(window, { __xss: xss })
    for (const vector of XSS_VECTORS.filter((candidate) => candidate.family === family)) {
      const body = renderBody(vector.html)
      expect(dangersIn(body), vector.name).toEqual([])
      expect(body.textContent, vector.name).toContain('向量之前')
      cleanup()
    }
    expect(xss).not.toHaveBeenCalled()
  })
})

describe('SafeHtml keeps article markup', () => {
  test('keeps headings, lists, quotes, tables, figures, images and links', () => {
    const body = renderBody(
      '<h2>小标题</h2><ul><li>一</li></ul><ol start="3"><li>三</li></ol><blockquote cite="https://a.test/q">引文</blockquote>' +
        '<table><caption>表</caption><tr><th scope="col">甲</th><td colspan="2">乙</td></tr></table>' +
        '<figure><img src="https://img.test/a.jpg" alt="图" width="640" height="360"><figcaption>图注</figcaption></figure>' +
        '<p><a href="https://news.test/a">链接</a> <a href="mailto:editor@news.test">来信</a> <time datetime="2024-02-07">2月7日</time></p>',
    )
    expect(screen.getByRole('heading', { level: 2, name: '小标题' })).toBeInTheDocument()
    expect(body.querySelector('ol')).toHaveAttribute('start', '3')
    expect(body.querySelector('blockquote')).toHaveAttribute('cite', 'https://a.test/q')
    expect(body.querySelector('td')).toHaveAttribute('colspan', '2')
    expect(body.querySelector('th')).toHaveAttribute('scope', 'col')
    expect(body.querySelector('figure img')).toHaveAttribute('width', '640')
    expect(screen.getByText('图注')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '来信' })).toHaveAttribute('href', 'mailto:editor@news.test')
    expect(body.querySelector('time')).toHaveAttribute('datetime', '2024-02-07')
  })

  test('unwraps unknown containers but keeps their text, drops page furniture with its text', () => {
    const body = renderBody('<div class="x"><section><p>正文段落</p></section></div><nav>导航菜单</nav><aside>相关阅读</aside>')
    expect(body.innerHTML).toContain('<p>正文段落</p>')
    expect(body.textContent).not.toContain('导航菜单')
    expect(body.textContent).not.toContain('相关阅读')
  })

  test('carries its own lang and extra classes', () => {
    const { container } = render(<SafeHtml html="<p>Hello</p>" lang="en" className="prose" />)
    expect(container.firstElementChild).toHaveAttribute('lang', 'en')
    expect(container.firstElementChild).toHaveClass('safe-html', 'prose')
  })
})

describe('SafeHtml link and image rules', () => {
  test('every outbound link opens a new window without opener or referrer', () => {
    renderBody('<a href="https://news.test/a" target="_self" rel="opener">外链</a><a href="#note-1">注释</a>')
    const outbound = screen.getByRole('link', { name: '外链' })
    expect(outbound).toHaveAttribute('target', '_blank')
    expect(outbound).toHaveAttribute('rel', 'noopener noreferrer')
    // An in-page fragment stays in the page.
    expect(screen.getByRole('link', { name: '注释' })).not.toHaveAttribute('target')
  })

  test('strips utm_* and fbclid from links, keeps other parameters', () => {
    renderBody('<a href="https://news.test/a?id=7&utm_source=feed&utm_medium=rss&fbclid=abc#p2">链接</a>')
    expect(screen.getByRole('link', { name: '链接' })).toHaveAttribute('href', 'https://news.test/a?id=7#p2')
  })

  test('images load lazily without a referrer, and http images are asked for over https', () => {
    const body = renderBody('<img src="http://img.test/a.jpg" alt="图">')
    const image = body.querySelector('img')!
    expect(image).toHaveAttribute('src', 'https://img.test/a.jpg')
    expect(image).toHaveAttribute('referrerpolicy', 'no-referrer')
    expect(image).toHaveAttribute('loading', 'lazy')
  })

  test('drops 1×1 tracking pixels', () => {
    const body = renderBody('<img src="https://t.test/p.gif" width="1" height="1"><img src="https://t.test/q.gif" width="0"><img src="https://img.test/a.jpg" alt="照片" width="600">')
    expect([...body.querySelectorAll('img')].map((image) => image.getAttribute('alt'))).toEqual(['照片'])
  })

  test('drops relative URLs instead of resolving them against our origin', () => {
    const body = renderBody('<a href="/admin">相对</a><a href="//evil.test/x">无协议</a><img src="../x.jpg" alt="相对图">')
    expect(body.querySelectorAll('[href]')).toHaveLength(0)
    expect(body.querySelector('img')).not.toHaveAttribute('src')
  })

  test('a picture that cannot load becomes a quiet placeholder with its alt text, caption kept', () => {
    const body = renderBody('<figure><img src="https://img.test/gone.jpg" alt="会场照片"><figcaption>图注：会场</figcaption></figure>')
    const image = body.querySelector('img')!
    fireEvent.error(image)
    expect(image).toHaveAttribute('data-missing')
    expect(screen.getByRole('img', { name: '图片无法加载：会场照片' })).toHaveTextContent('会场照片')
    expect(screen.getByText('图注：会场')).toBeInTheDocument()
  })

  test('an image left without a source shows the placeholder straight away', () => {
    renderBody('<img src="javascript:alert(1)">')
    expect(screen.getByRole('img', { name: '图片无法加载' })).toBeInTheDocument()
  })

  test('clobbering names and ids leave document and window intact', () => {
    renderBody('<img name="cookie"><a id="location" href="https://evil.test/">l</a><img name="getElementById">')
    expect(typeof document.cookie).toBe('string')
    expect(typeof document.getElementById).toBe('function')
    expect(window.location.href).not.toContain('evil.test')
  })
})
