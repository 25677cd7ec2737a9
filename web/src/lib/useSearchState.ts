import { useCallback, useEffect, useRef, useState } from 'react';
import { NavigationType, useNavigationType, useSearchParams } from 'react-router-dom';

/**
 * A page's state kept in its address (so a link shares it), held in the page as well.
 *
 * The router applies an address change as a React transition, which a keystroke can interrupt: a
 * control that read its value back from the address could then see the value from before the last
 * change and overwrite it (three sub-regions picked quickly, and one is gone). So the controls read
 * the state held here, which changes at once; the address follows. A navigation that did not come
 * from the page itself (a link, back or forward) replaces the held state.
 */
export function useSearchState<T>(parse: (params: URLSearchParams) => T, serialize: (value: T) => string): [T, (next: T) => void] {
  const [params, setParams] = useSearchParams();
  const navigationType = useNavigationType();
  const [value, setValue] = useState(() => parse(params));
  const seen = useRef(params.toString());

  useEffect(() => {
    const search = params.toString();
    if (search === seen.current) return;
    seen.current = search;
    if (navigationType !== NavigationType.Replace) setValue(parse(params));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- parse is read again only when the address changes
  }, [params, navigationType]);

  const change = useCallback(
    (next: T) => {
      setValue(next);
      setParams(serialize(next), { replace: true });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- serialize is taken as given once (callers pass module functions)
    [setParams],
  );
  return [value, change];
}
