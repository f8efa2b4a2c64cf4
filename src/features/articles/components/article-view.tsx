import { Link } from 'react-router'
import { ErrorBoundary } from '../../../components/error-boundary'
import { OutletBadge } from '../../../components/outlet-badge'
import { SafeHtml } from '../../../components/safe-html'
import { formatDateTime } from '../../../lib/dates'
import { toSearch, type Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink, webUrl } from '../../../lib/urls'
import type { Article, ListEntry, Manifest } from '../../../types/data'
import { BookmarkButton } from '../../bookmarks/components/bookmark-button'
import { sourceOfArticle } from '../../notes/annotation'
import { AnnotatedBody } from '../../notes/components/annotated-body'
import { CiteButton } from '../../notes/components/cite-button'
import { ScriptControl } from '../../reading-script/components/script-control'
import { useScriptedArticle } from '../../reading-script/use-scripted-article'
import { StorySection } from '../../stories/components/story-section'
import { manifestInfo } from '../manifest-info'
import { useArticleList } from '../use-article-list'
import { ReadingSettingsButton } from '../../reading/components/reading-settings'
import { useArticleShortcuts, useBookmarkOrder, usePagerShortcuts } from '../../keyboard/use-article-shortcuts'

const s = strings.article

export function ArticleView({ article, manifest, filters }: { article: Article; manifest: Manifest | undefined; filters: Filters }) {
  const outlet = manifest ? manifestInfo(manifest).outlets.get(article.outlet.id) : undefined
  const outletName = outlet?.name ?? article.outlet.name
  const original = webUrl(article.url)
  const search = toSearch(filters)
  const bookmark = { id: article.id, title: article.title, url: article.url, outlet: article.outlet.id, outletName, publishedAt: article.publishedAt }
  useArticleShortcuts({ bookmark, back: { pathname: '/', search } })
  useBookmarkOrder(article.id, filters)
  const { bindBody, title: shownTitle, lang: shownLang } = useScriptedArticle(article)
  return (
    <article className="reading-column mx-auto">
      <title>{`${shownTitle} · ${strings.app.title}`}</title>
      <p className="mb-4">
        <Link to={{ pathname: '/', search }} className="inline-flex items-center gap-1 text-sm font-medium text-sky-800 hover:underline dark:text-sky-300">
          <span aria-hidden="true">←</span> {s.back}
        </Link>
      </p>
      <header className="space-y-3 border-b border-stone-200 pb-5 dark:border-stone-800">
        <h1 lang={shownLang} className="text-2xl leading-snug font-bold sm:text-3xl sm:leading-snug">
          {shownTitle}
        </h1>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
          <OutletBadge outlet={outlet} name={outletName} className="font-medium text-stone-800 dark:text-stone-200" />
          <span>
            <span className="sr-only">{s.published}</span>
            <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
          </span>
          <span>{strings.list.readingTime(article.readingMinutes)}</span>
          {article.author && <span>{s.by(article.author)}</span>}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <BookmarkButton input={bookmark} />
          <CiteButton source={sourceOfArticle(article, outletName)} />
          <ReadingSettingsButton>
            <ScriptControl />
          </ReadingSettingsButton>
          {original && (
            <a href={original} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-9 items-center rounded-md px-1 text-sm font-medium text-sky-800 underline underline-offset-4 dark:text-sky-300">
              {s.original}
              <span className="sr-only">{s.originalHint}</span>
              <span aria-hidden="true" className="ml-1">↗</span>
            </a>
          )}
          <ScriptControl className="sm:ml-auto" />
        </div>
      </header>
      <ErrorBoundary fallback={<p className="py-6 text-red-800 dark:text-red-300">{s.bodyError}</p>}>
        <AnnotatedBody source={sourceOfArticle(article, outletName)}>
          <div ref={bindBody}>
            <SafeHtml html={article.html} lang={shownLang} className="article-body prose prose-stone dark:prose-invert mt-6" />
          </div>
        </AnnotatedBody>
      </ErrorBoundary>
      {article.tags && article.tags.length > 0 && (
        <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">
          {s.tags}{strings.language.colon}{strings.language.tagList(article.tags)}
        </p>
      )}
      <StorySection article={article} manifest={manifest} filters={filters} />
      {manifest && <Pager article={article} manifest={manifest} filters={filters} />}
    </article>
  )
}

/** Previous (newer) and next (older) article within the list the reader came from. */
function Pager({ article, manifest, filters }: { article: Article; manifest: Manifest; filters: Filters }) {
  const time = Date.parse(article.publishedAt)
  const list = useArticleList(
    manifest,
    filters,
    (entries) => {
      const index = entries.findIndex((entry) => entry.id === article.id)
      if (index >= 0) return entries.length > index + 1
      const last = entries.at(-1)
      return last !== undefined && Date.parse(last.publishedAt) < time
    },
    { around: article.publishedAt },
  )
  const index = list.entries.findIndex((entry) => entry.id === article.id)
  const previous = index < 0 ? undefined : list.entries[index - 1]
  const next = index < 0 ? undefined : list.entries[index + 1]
  // n and p follow these links; null: none (the end of the list), undefined: not known yet.
  usePagerShortcuts(
    index < 0 ? {} : { previous: previous ? articleLink(previous.id, filters) : null, next: next ? articleLink(next.id, filters) : list.fetching ? undefined : null },
  )
  if (index < 0) return null
  if (!previous && !next) return null
  return (
    <nav aria-label={s.pager} className="mt-10 grid gap-3 border-t border-stone-200 pt-6 sm:grid-cols-2 dark:border-stone-800">
      {previous ? <PagerLink entry={previous} label={s.previous} filters={filters} /> : <span />}
      {next && <PagerLink entry={next} label={s.next} filters={filters} alignEnd />}
    </nav>
  )
}

function PagerLink({ entry, label, filters, alignEnd = false }: { entry: ListEntry; label: string; filters: Filters; alignEnd?: boolean }) {
  return (
    <Link
      to={articleLink(entry.id, filters)}
      rel={alignEnd ? 'next' : 'prev'}
      className={`block rounded-lg border border-stone-200 p-4 hover:bg-stone-100 dark:border-stone-800 dark:hover:bg-stone-900 ${alignEnd ? 'sm:text-right' : ''}`}
    >
      <span className="block text-sm text-stone-600 dark:text-stone-400">{alignEnd ? `${label} →` : `← ${label}`}</span>
      <span lang={entry.lang} className="mt-1 block font-medium">
        {entry.title}
      </span>
    </Link>
  )
}
