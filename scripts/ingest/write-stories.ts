// The I/O half of stories (stories.ts): writes stories/<id>.json and adds each member's StoryRef to its
// article file. Article files are written as they are built, before any story is known (stories need
// the whole archive in time order), so a member's file gets `,"story":{…}}` in place of its closing
// brace: one positional write, no read or re-parse of the body. A file linked from the previous bundle
// (keep-unchanged.ts) is replaced instead, so the previous bundle stays as it was.
import { closeSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { articlePath, storyPath, type StoryRef } from '../../src/types/data'
import { replaceFile } from './keep-unchanged'
import type { BuiltStory } from './stories'

/** What a member's article file gets in place of its closing brace. */
export function storyTail(ref: StoryRef): string {
  return `,"story":${JSON.stringify(ref)}}`
}

/** done: members whose article file has its story ref already (carried over from the previous bundle as it is). */
export async function writeStories(stage: string, stories: readonly BuiltStory[], log: (message: string) => void = () => {}, done: (id: string) => boolean = () => false): Promise<void> {
  const started = performance.now()
  let members = 0
  for (const { story, ref } of stories) {
    await writeFile(join(stage, storyPath(story.id)), JSON.stringify(story))
    const tail = storyTail(ref)
    for (const member of story.members) if (!done(member.id)) appendStoryRef(join(stage, articlePath(member.id)), tail)
    members += story.members.length
  }
  if (stories.length > 0) log(`stories: ${stories.length} files written, ${members} article files given their story, in ${Math.round(performance.now() - started)} ms`)
}

function appendStoryRef(path: string, tail: string): void {
  const fd = openSync(path, 'r+')
  let shared = false
  try {
    const { size, nlink } = fstatSync(fd)
    shared = nlink > 1
    if (!shared) writeSync(fd, tail, size - 1) // over the article object's closing brace
  } finally {
    closeSync(fd)
  }
  if (shared) replaceFile(path, readFileSync(path, 'utf8').slice(0, -1) + tail)
}
