import { createTheme } from '@mantine/core';

/**
 * Mantine's default theme: its CSS variables are in @mantine/core/styles.css, so the provider
 * injects none (a theme that changed colours or sizes would need them in app.css instead).
 */
export const theme = createTheme({});
