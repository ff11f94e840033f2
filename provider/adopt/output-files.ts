import { existsSync, linkSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

// The files hosting-adopt writes: checked before the account is scanned, so that a wrong path
// costs no scan, and put in place together once the scan is done, so that an import file is
// never left without its program (a failure or Ctrl-C between the two would have the next run
// refuse the one already there). Without --force, nothing replaces a file, even one that
// appeared while the scan ran.

export interface OutputFile {
  /** Absolute. */
  path: string;
  /** As the user named it, for messages. */
  shown: string;
}

/** A file that cannot go where it was asked to: a local problem, not the API's. */
export class OutputFileError extends Error {}

/** What stands in the way of writing the files, before anything is scanned; undefined when nothing does. */
export function outputProblem(files: readonly OutputFile[], force: boolean): string | undefined {
  if (new Set(files.map((f) => f.path)).size < files.length) {
    return `--out and --program name the same file, ${shortened(files[0].shown)}: the import file and the program are two files`;
  }
  for (const file of files) {
    if (basename(file.path).length > 255) return `${shortened(file.shown)}: the file name is longer than 255 characters`;
    const folder = statOf(dirname(file.path));
    if (!folder?.isDirectory()) return `${shortened(file.shown)}: the folder ${shortened(dirname(file.shown))} does not exist`;
    if (statOf(file.path)?.isDirectory()) return `${shortened(file.shown)} is a folder: name a file`;
  }
  const existing = files.filter((f) => existsSync(f.path)).map((f) => shortened(f.shown));
  if (existing.length > 0 && !force) return `${existing.join(" and ")} already exist${existing.length > 1 ? "" : "s"}: name other files, or pass --force to overwrite`;
  return undefined;
}

/**
 * Writes each file beside where it goes, then puts them all in place: all of them, or none.
 * Synchronous from the first byte to the last, so a signal handled in JavaScript (bin/hosting-adopt
 * exits on SIGINT and SIGTERM) comes before it or after it, never between two files.
 */
export function writeAll(files: readonly (OutputFile & { text: string })[], force: boolean): void {
  const temporaries: string[] = [];
  const placed: string[] = [];
  let current = files[0];
  try {
    for (const file of files) {
      current = file;
      const temporary = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
      writeFileSync(temporary, file.text, { flag: "wx", mode: 0o644 });
      temporaries.push(temporary);
    }
    for (const [i, file] of files.entries()) {
      current = file;
      // A link fails where a file exists, where a rename would replace it.
      if (force) renameSync(temporaries[i], file.path);
      else {
        linkSync(temporaries[i], file.path);
        unlinkSync(temporaries[i]);
      }
      placed.push(file.path);
    }
  } catch (error) {
    for (const path of [...temporaries, ...placed]) rmSync(path, { force: true });
    throw new OutputFileError(`cannot write ${shortened(current.shown)}: ${reasonOf(error)}; nothing was written`);
  }
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "its folder does not exist",
  EISDIR: "it is a folder",
  EEXIST: "it appeared while the account was scanned (pass --force to overwrite it)",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENAMETOOLONG: "the name is too long",
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? code ?? String(error);
}

/** A path as the user gave it, cut where it would flood the terminal. */
function shortened(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}… (${path.length} characters)` : path;
}
