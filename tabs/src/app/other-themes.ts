// Teams' dark and high-contrast themes, loaded only when Teams uses them (see theme.ts).
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
