import { createTheme, Notification } from '@mantine/core';

/**
 * Mantine's default theme: its CSS variables are in @mantine/core/styles.css, so the provider
 * injects none (a theme that changed colours or sizes would need them in app.css instead).
 * `closeLabel` names the close button of every notification, in the interface's language.
 * A user who asked their system for reduced motion gets no transitions (dialogs, menus and
 * notifications appear and go at once).
 */
export function createAppTheme(closeLabel: string) {
  return createTheme({
    respectReducedMotion: true,
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });
}
