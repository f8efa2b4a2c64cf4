// Story data is untrusted input like every data file (validate.ts): these checks return a clean
// copy of the known fields or null. A list entry with a malformed story reference keeps its
// place in the list and simply shows as an article of its own.
import { ARTICLE_ID, STORY_ID, type Lang, type Story, type StoryMember, type StoryRef } from '../../types/data'

const LANGS: ReadonlySet<string> = new Set<Lang>(['zh-Hans', 'zh-Hant', 'en'])
/** A bound far above any real story, so a tampered file cannot make the page lay out a million rows. */
const MAX_MEMBERS = 1_000

type Fields = Record<string, unknown>
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
/** As loose as a list entry's outlet (validate.ts): names are looked up in the manifest anyway. */
const isOutletId = (value: unknown): value is string => isString(value) && value.length > 0 && value.length <= 200

export function isStoryId(value: unknown): value is string {
  return isString(value) && STORY_ID.test(value)
}

/** The `story` field of a list entry or an article; undefined when absent or malformed. */
export function validStoryRef(value: unknown): StoryRef | undefined {
  if (!isRecord(value)) return undefined
  const { id, size, outlets } = value
  if (!isStoryId(id) || typeof size !== 'number' || !Number.isInteger(size) || size < 2 || size > MAX_MEMBERS) return undefined
  if (!Array.isArray(outlets) || outlets.length === 0 || outlets.length > size || !outlets.every(isOutletId)) return undefined
  return { id, size, outlets: [...new Set(outlets)] }
}

function validMember(value: unknown): StoryMember | null {
  if (!isRecord(value)) return null
  const { id, outlet, publishedAt, title, lang } = value
  if (!isString(id) || !ARTICLE_ID.test(id) || !isOutletId(outlet) || !isString(title)) return null
  if (!isString(publishedAt) || !Number.isFinite(Date.parse(publishedAt))) return null
  if (!isString(lang) || !LANGS.has(lang)) return null
  return { id, outlet, publishedAt, title, lang: lang as Lang }
}

/**
 * stories/<id>.json. A malformed member rejects the file: a story page that silently lost a report
 * would misstate who covered the event. Members are put in time order whatever the file's order.
 */
export function validStory(value: unknown): Story | null {
  if (!isRecord(value) || !isStoryId(value.id) || !Array.isArray(value.members) || !Array.isArray(value.absent)) return null
  if (value.members.length < 2 || value.members.length > MAX_MEMBERS || !value.absent.every(isOutletId)) return null
  const members = value.members.map(validMember)
  if (!members.every((member) => member !== null)) return null
  if (new Set(members.map((member) => member.id)).size !== members.length) return null
  members.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || (a.id < b.id ? -1 : 1))
  return { id: value.id, members, absent: [...new Set(value.absent)] }
}
