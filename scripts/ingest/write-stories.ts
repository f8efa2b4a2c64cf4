// The I/O half of stories (stories.ts): writes stories/<id>.json and adds each member's StoryRef to its
// article file. Article files are written as they are built, before any story is known (stories need
// the whole archive in time order), so a member's file gets `,"story":{…}}` in place of its closing
// brace: one positional write, no read or re-parse of the body.
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { articlePath, storyPath } from '../../src/types/data'
import type { BuiltStory } from './stories'

export async function writeStories(stage: string, stories: readonly BuiltStory[]): Promise<void> {
  for (const { story, ref } of stories) {
    await writeFile(join(stage, storyPath(story.id)), JSON.stringify(story))
    const tail = `,"story":${JSON.stringify(ref)}}`
    for (const member of story.members) appendStoryRef(join(stage, articlePath(member.id)), tail)
  }
}

function appendStoryRef(path: string, tail: string): void {
  const fd = openSync(path, 'r+')
  try {
    const { size } = fstatSync(fd)
    writeSync(fd, tail, size - 1) // over the article object's closing brace
  } finally {
    closeSync(fd)
  }
}
