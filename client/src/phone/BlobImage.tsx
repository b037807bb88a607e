import { useEffect, useState } from 'react'

/** A photo still on the phone, shown from its bytes (a blob: address, let go when no longer shown). */
export function BlobImage({ blob, alt, className }: { blob: Blob; alt: string; className?: string }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    const url = URL.createObjectURL(blob)
    setSrc(url)
    return () => URL.revokeObjectURL(url)
  }, [blob])
  return src ? <img src={src} alt={alt} className={className} /> : <span className={className} />
}
