// Every interface string, in Simplified Chinese, in one place.
// Sections are owned by feature: app/list/article/timeline (reader), bookmarks + storage (bookmarks store), security.

export const strings = {
  app: {
    title: '新闻存档阅读器',
    notFound: '未找到',
  },
} as const
