// Colour and bold for people at a terminal, and nothing else: no escape codes in a pipe, a file
// or a CI log, nor when NO_COLOR is set to anything (https://no-color.org).

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  magenta(text: string): string;
  cyan(text: string): string;
}

export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export function styleFor(colour: boolean): Style {
  const sgr = (on: number, off: number) => (text: string) => (colour ? `\x1b[${on}m${text}\x1b[${off}m` : text);
  return { bold: sgr(1, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), magenta: sgr(35, 39), cyan: sgr(36, 39) };
}

export const stdoutStyle = styleFor(wantsColour(process.stdout));
export const stderrStyle = styleFor(wantsColour(process.stderr));
