import { createContext, useContext, useEffect } from 'react';

/**
 * Each view names itself; the standalone app puts the name in the document's title. Inside a
 * portal nothing listens: the host's title is the host's.
 */
export const PageTitleContext = createContext<((title: string) => void) | null>(null);

export function usePageTitle(title: string) {
  const setTitle = useContext(PageTitleContext);
  useEffect(() => {
    setTitle?.(title);
  }, [setTitle, title]);
}
