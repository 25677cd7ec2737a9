import { createTheme, Notification } from '@mantine/core';

/**
 * Mantine's default theme: its CSS variables are in @mantine/core/styles.css, so the provider
 * injects none (a theme that changed colours or sizes would need them in app.css instead).
 * `closeLabel` names the close button of every notification, in the interface's language.
 */
export function createAppTheme(closeLabel: string) {
  return createTheme({
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });
}
