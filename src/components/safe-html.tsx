// Placeholder until the sanitizer lands: renders nothing but plain text.
export interface SafeHtmlProps {
  html: string
  lang?: string
  className?: string
}

export function SafeHtml({ html, lang, className }: SafeHtmlProps) {
  return (
    <div lang={lang} className={className}>
      {html.replace(/<[^>]*>/g, '')}
    </div>
  )
}
