import { autoUpdate, computePosition, flip, offset, type Placement, shift } from '@floating-ui/dom';
import { type ReactNode, useLayoutEffect, useRef } from 'react';

export type Anchor = Element | { getBoundingClientRect: () => DOMRect; contextElement?: Element };

/** A box positioned next to an anchor (element or text range) with Floating UI; fixed strategy. */
export function Floating({
  anchor,
  placement = 'bottom-start',
  children,
  testId,
  role = 'group',
  label,
  onKeyDown,
  onMouseEnter,
  onMouseLeave,
  className = 'gph-pop',
}: {
  anchor: Anchor;
  placement?: Placement;
  children: ReactNode;
  testId?: string;
  role?: string;
  label?: string;
  onKeyDown?: (e: React.KeyboardEvent) => void;
  onMouseEnter?: () => void;
  onMouseLeave?: () => void;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () =>
      computePosition(anchor, el, {
        strategy: 'fixed',
        placement,
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        el.style.left = `${x}px`;
        el.style.top = `${y}px`;
      });
    const ref0 = anchor instanceof Element ? anchor : (anchor.contextElement ?? null);
    if (ref0) return autoUpdate(anchor, el, update);
    void update();
    return undefined;
  }, [anchor, placement]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useAriaPropsSupportedByRole: the caller gives the role (dialog, alertdialog, group)
    <div
      ref={ref}
      className={className}
      data-testid={testId}
      role={role}
      aria-label={label}
      style={{ position: 'fixed', left: 0, top: 0 }}
      onKeyDown={onKeyDown}
      onMouseEnter={onMouseEnter}
      onMouseLeave={onMouseLeave}
    >
      {children}
    </div>
  );
}
