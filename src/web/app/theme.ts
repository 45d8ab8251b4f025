// The look: a deep Nile teal whose shades used for text and filled buttons pass WCAG AA contrast
// (Mantine's own teal does not), system fonts that carry Arabic on every OS (Segoe UI / Tahoma on
// Windows, Noto on Linux and Android, SF/Geeza on Apple), focus rings for keyboard users.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const FONTS = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma, Arial, sans-serif";

// Shade 8 (buttons, links, light-variant text): 6.9:1 on white, 6.1:1 on its own light tint.
const nile: MantineColorsTuple = ['#e7f5f5', '#cbe9ea', '#9ad4d6', '#66bdc0', '#3aa9ad', '#1f9aa0', '#0f8a90', '#0a777c', '#076469', '#045257'];

export const theme = createTheme({
  colors: { nile },
  primaryColor: 'nile',
  primaryShade: 8,
  fontFamily: FONTS,
  headings: { fontFamily: FONTS },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  // People who ask their system for less motion get none (and browser tests check settled screens).
  respectReducedMotion: true,
});
