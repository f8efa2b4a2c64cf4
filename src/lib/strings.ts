// Every interface string, in Simplified Chinese, in one place.
// Sections are owned by feature: app/list/article/timeline (reader), bookmarks + storage (bookmarks store), security.

export const strings = {
  app: {
    title: '新闻存档阅读器',
    notFound: '未找到',
  },
  // bookmarks, storage, security: owned by the bookmarks store and SafeHtml (security helper).
  bookmarks: {
    importNotJson: '导入失败：文件不是有效的 JSON，书签没有改变。',
    importEmpty: '导入失败：文件是空的，书签没有改变。',
    importTooLarge: (limit: string) => `导入失败：文件超过 ${limit}，不像是书签文件，书签没有改变。`,
    importWrongFormat: '导入失败：这不是新闻存档阅读器导出的书签文件，书签没有改变。',
    importWrongShape: '导入失败：文件里没有书签列表（应为 {"version": 1, "bookmarks": [...]}），书签没有改变。',
    importWrongVersion: (version: string) => `导入失败：不支持的文件版本 ${version}（本应用读取第 1 版），书签没有改变。`,
    importTooMany: (count: number, limit: number) => `导入失败：文件有 ${count} 条书签，超过上限 ${limit} 条，书签没有改变。`,
    importBadEntry: (position: number, problem: string) => `导入失败：第 ${position} 条书签${problem}，整个文件未导入，书签没有改变。`,
    entryNotObject: '不是一个对象',
    entryMissingField: (field: string) => `缺少“${field}”或不是文字`,
    entryTooLong: (field: string) => `的“${field}”太长`,
    entryBadUrl: '的链接不是 http 或 https 地址',
    entryBadId: (field: string) => `的“${field}”含有不允许的字符`,
    entryBadDate: (field: string) => `的“${field}”不是有效的时间`,
    importDone: (added: number, updated: number, total: number) => `已导入：新增 ${added} 条，更新 ${updated} 条，现在共 ${total} 条书签。`,
  },
  storage: {
    unavailable: '浏览器存储不可用（可能被禁用或处于隐私模式）：书签只保存在这个标签页里，关闭后不会保留。',
    recovered: (reason: string, backupKey: string) => `已保存的书签无法读取（${reason}）。原始数据没有删除，已另存在浏览器存储的“${backupKey}”下。`,
    writeFailedQuota: '浏览器存储已满，刚才的书签更改没有保存：它在这个标签页里有效，关闭后不会保留。',
    writeFailedUnavailable: '浏览器存储不可用，刚才的书签更改没有保存：它在这个标签页里有效，关闭后不会保留。',
    writeFailedUnknown: '刚才的书签更改没有保存到浏览器存储：它在这个标签页里有效，关闭后不会保留。',
    reasonNotJson: '不是有效的 JSON',
    reasonWrongShape: '格式不对',
    reasonOldVersion: (version: string) => `旧版本的格式（${version}）`,
    reasonNewVersion: (version: string) => `较新版本的格式（${version}）`,
    reasonBadEntries: (count: number) => `其中 ${count} 条书签格式无效，其余已保留`,
    dismiss: '知道了',
  },
  security: {
    imageMissing: '图片无法加载',
  },
} as const
