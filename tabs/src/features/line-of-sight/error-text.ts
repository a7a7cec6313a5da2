// Shared by every area of the tab; kept here too so the home view's imports stay as they were.
export { whatWentWrong } from '../../app/error-text';
