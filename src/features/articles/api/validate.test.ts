import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../types/data'
import { buildBundle, SEEDS } from '../fixtures/bundle'
import { MAX_SHARD_ENTRIES } from '../../../types/data'
import { isArticleId, isSearchPattern, schemaMismatch, isShardFile, validArticle, validListEntry, validManifest, validShard, validStory } from './validate'

const bundle = buildBundle(SEEDS)
const article = bundle.articles.get(bundle.ids[0]!)!
const entry = [...bundle.shards.values()][0]!.entries[0]!

describe('validListEntry', () => {
  it('keeps a well-formed entry as it is', () => {
    expect(validListEntry(entry)).toEqual(entry)
  })

  it.each([
    ['a date that does not parse', { publishedAt: 'banana' }],
    ['a title that is not text', { title: 42 }],
    ['a missing outlet', { outlet: undefined }],
    ['an infinite reading time', { readingMinutes: null }],
    ['an unknown language', { lang: 'fr' }],
    ['an id that is not text', { id: { toString: 'x' } }],
  ])('rejects %s', (_, change) => {
    expect(validListEntry({ ...entry, ...change })).toBeNull()
  })

  it('keeps the aliases of an entry, and drops them (not the entry) when they are not ids', () => {
    expect(validListEntry({ ...entry, aliases: ['dw-aaaaaaaaaaab'] })?.aliases).toEqual(['dw-aaaaaaaaaaab'])
    expect(validListEntry({ ...entry, aliases: ['../manifest'] })).toEqual(entry)
    expect(validListEntry({ ...entry, aliases: 'dw-aaaaaaaaaaab' })).toEqual(entry)
  })

  it('rejects what is not an object', () => {
    for (const value of [null, 'entry', 3, [entry]]) expect(validListEntry(value)).toBeNull()
  })
})

describe('validShard', () => {
  it('drops the bad entries, keeps the rest with their article numbers', () => {
    const good = { ...entry, id: 'bbc-aaaaaaaaaaab' }
    const shard = validShard({ start: 10, entries: [{ ...entry, publishedAt: 'banana' }, good, 'junk'] })
    expect(shard).toEqual({ start: 10, entries: [good], numbers: [11] })
  })

  it('rejects a shard without a start or an entry list', () => {
    expect(validShard({ start: 'x', entries: [] })).toBeNull()
    expect(validShard({ start: 0, entries: {} })).toBeNull()
  })

  it('rejects a shard holding more entries than the contract allows (130,000 overflowed the stack)', () => {
    const many = (count: number) => ({ start: 0, entries: Array.from({ length: count }, () => entry) })
    expect(validShard(many(MAX_SHARD_ENTRIES))?.entries).toHaveLength(MAX_SHARD_ENTRIES)
    expect(validShard(many(MAX_SHARD_ENTRIES + 1))).toBeNull()
    expect(validShard(many(130_000))).toBeNull()
  })
})

describe('validArticle', () => {
  it('keeps a well-formed article', () => {
    expect(validArticle({ ...article, tags: ['俄乌'], author: '记者' })).toEqual({ ...article, tags: ['俄乌'], author: '记者' })
  })

  it('drops tags that are not a list of text, and an author that is not text', () => {
    const checked = validArticle({ ...article, tags: '俄乌', author: 7 })
    expect(checked).not.toBeNull()
    expect(checked).not.toHaveProperty('tags')
    expect(checked).not.toHaveProperty('author')
    expect(validArticle({ ...article, tags: ['a', 1] })).not.toHaveProperty('tags')
  })

  it.each([
    ['an invalid date', { publishedAt: 'banana' }],
    ['a body that is not text', { html: ['<p>'] }],
    ['an outlet without a name', { outlet: { id: 'rfi' } }],
    ['a title that is not text', { title: { text: 'x' } }],
  ])('rejects %s', (_, change) => {
    expect(validArticle({ ...article, ...change })).toBeNull()
  })
})

describe('validManifest', () => {
  it('keeps a well-formed manifest, without the generator mark the app has no use for', () => {
    expect(validManifest(bundle.manifest)).toEqual({ ...bundle.manifest, generator: undefined }) // toEqual: undefined = absent
  })

  it('gives an outlet with a colour that is not a hex colour a neutral one', () => {
    const outlets = bundle.manifest.outlets.map((o, i) => (i === 0 ? { ...o, color: 'red;background:url(x)' } : o))
    expect(validManifest({ ...bundle.manifest, outlets })?.outlets[0]?.color).toBe('#78716c')
  })

  it.each([
    ['a shard with an invalid date', (m: typeof bundle.manifest) => ({ ...m, shards: [{ ...m.shards[0], newest: 'banana' }] })],
    ['an outlet without a count', (m: typeof bundle.manifest) => ({ ...m, outlets: [{ ...m.outlets[0], count: 'many' }] })],
    ['month counts that are not numbers', (m: typeof bundle.manifest) => ({ ...m, months: { '2024-02': { rfi: 'one' } } })],
    ['zero search buckets', (m: typeof bundle.manifest) => ({ ...m, search: { ...m.search, buckets: 0 } })],
  ])('rejects %s', (_, tamper) => {
    expect(validManifest(tamper(bundle.manifest))).toBeNull()
  })
})

describe('schemaMismatch', () => {
  it('tells a newer bundle from an older or unmarked one, and accepts its own schema', () => {
    expect(schemaMismatch(bundle.manifest)).toBeUndefined()
    expect(schemaMismatch({ ...bundle.manifest, schema: SCHEMA_VERSION + 1 })).toBe('newer')
    expect(schemaMismatch({ ...bundle.manifest, schema: SCHEMA_VERSION - 1 })).toBe('older')
    expect(schemaMismatch({ ...bundle.manifest, schema: '1' })).toBe('older')
    expect(schemaMismatch({ ...bundle.manifest, schema: undefined })).toBe('older')
  })

  it('is not validManifest’s to pass: a manifest of another schema is rejected there too', () => {
    expect(validManifest({ ...bundle.manifest, schema: SCHEMA_VERSION + 1 })).toBeNull()
  })
})

describe('paths built from data', () => {
  it.each(['bbc-r27miehhcxnd', 'voa-gov-cscmequsekiw', '2001-db8-1-aaaaaaaaaaaa', '123-abcdefgh2345'])('accepts the ingest id %s', (id) => {
    expect(isArticleId(id)).toBe(true)
  })

  it.each(['../manifest', 'bbc/../../x', 'rfi-0207', 'bbc-R27MIEHHCXND', '-bbc-r27miehhcxnd', 'bbc-r27miehhcxnd.json', 'bbc-r27miehhcxn', '', '%2e%2e-aaaaaaaaaaaa'])(
    'rejects the id %j',
    (id) => {
      expect(isArticleId(id)).toBe(false)
    },
  )

  it('accepts only index/<n>.json or index/<n>.<content hash>.json as a shard file', () => {
    expect(isShardFile('index/0.json')).toBe(true)
    expect(isShardFile('index/127.json')).toBe(true)
    expect(isShardFile('index/3.abcdefgh23.json')).toBe(true)
    for (const file of ['index/3.abcdefgh2.json', 'index/3.ABCDEFGH23.json', 'index/3.abcdefgh23.json/../x.json', '../index/0.json', 'index/../manifest.json', '//evil.example/index/0.json', 'https://evil.example/x.json', 'index/0.json?x', 'index/2024-02-0.json']) {
      expect(isShardFile(file), file).toBe(false)
    }
  })

  it('accepts only search/{bucket}.json as the search pattern', () => {
    expect(isSearchPattern('search/{bucket}.json')).toBe(true)
    for (const pattern of ['//evil.example/{bucket}.json', '../search/{bucket}.json', 'search/{bucket}.json#', 'search/0.json']) {
      expect(isSearchPattern(pattern), pattern).toBe(false)
    }
  })

  it('rejects a manifest whose shard file or search pattern points elsewhere', () => {
    const m = bundle.manifest
    expect(validManifest({ ...m, shards: m.shards.map((ref, i) => (i === 1 ? { ...ref, file: '../../evil.json' } : ref)) })).toBeNull()
    expect(validManifest({ ...m, search: { ...m.search, file: 'https://evil.example/{bucket}.json' } })).toBeNull()
  })

  it('drops a list entry whose id would build another path', () => {
    expect(validListEntry({ ...entry, id: '../manifest' })).toBeNull()
  })
})

describe('stories', () => {
  const [story] = [...bundle.stories.values()]
  const member = [...bundle.shards.values()].flatMap((shard) => shard.entries).find((e) => e.story)!

  it('the fixture bundle has the seeds’ one story, on its entries and articles', () => {
    expect(bundle.stories.size).toBe(1)
    expect(story!.members.map((m) => m.outlet)).toEqual(['bbc', 'voa'])
    expect(member.story).toEqual({ id: story!.id, size: 2, outlets: ['bbc', 'voa'] })
    expect(bundle.articles.get(member.id)!.story).toEqual(member.story)
  })

  it('keeps an entry’s and an article’s well-formed story', () => {
    expect(validListEntry(member)).toEqual(member)
    expect(validArticle(bundle.articles.get(member.id))?.story).toEqual(member.story)
  })

  it.each([
    ['an id of another form', { id: 's-UPPER' }],
    ['a story of one', { size: 1 }],
    ['no outlets', { outlets: [] }],
    ['outlets that are not text', { outlets: [3] }],
  ])('drops a story with %s, and keeps the entry without it', (_, change) => {
    const checked = validListEntry({ ...member, story: { ...member.story, ...change } })
    expect(checked).not.toBeNull()
    expect(checked).not.toHaveProperty('story')
    expect(validListEntry({ ...member, story: 'yes' })).not.toHaveProperty('story')
  })

  it('keeps a well-formed story file', () => {
    expect(validStory(story, story!.id)).toEqual(story)
  })

  it('rejects a story fetched by another id, with a malformed id, or without 2 members', () => {
    expect(validStory(story, 's-aaaaaaaaaaaa')).toBeNull()
    expect(validStory({ ...story, id: '../x' })).toBeNull()
    expect(validStory({ ...story, members: story!.members.slice(0, 1) })).toBeNull()
    expect(validStory({ ...story, members: {} })).toBeNull()
    for (const value of [null, 'story', [story]]) expect(validStory(value)).toBeNull()
  })

  it('drops malformed members and absent outlets, and puts members in time order', () => {
    const [first, second] = story!.members
    const third = { ...second!, id: 'dw-aaaaaaaaaaaa', outlet: 'dw', publishedAt: '2023-03-22T08:00:00Z' }
    const checked = validStory({ ...story, members: [third, { ...first, lang: 'fr' }, second, first], absent: ['rfi', 4] })
    expect(checked?.members.map((m) => m.outlet)).toEqual(['bbc', 'voa', 'dw'])
    expect(checked?.absent).toEqual(['rfi'])
  })
})
