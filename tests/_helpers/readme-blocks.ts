/**
 * The README shows commands with what they print: a ```sh block holding one `npx chokepoint ...` line, followed
 * at once by a plain ``` block with its output. These helpers find such pairs so a test can re-run each command
 * and compare, and so `UPDATE_README=1` can rewrite the outputs from the real commands.
 */

export interface CommandBlock {
  /** argv after `npx chokepoint`. */
  argv: string[];
  /** The command line as written. */
  line: string;
  /** Character offsets of the output block's body in the README text. */
  start: number;
  end: number;
  output: string;
}

/** Split a shell-like line into words, honouring single and double quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** Every `npx chokepoint` command block immediately followed by an output block. */
export function commandBlocks(readme: string): CommandBlock[] {
  const out: CommandBlock[] = [];
  const re = /```sh\n(npx chokepoint [^\n]*)\n```\n```(?:text)?\n([\s\S]*?)```/g;
  for (let m = re.exec(readme); m; m = re.exec(readme)) {
    const line = m[1]!;
    const bodyStart = m.index + m[0].length - 3 - m[2]!.length;
    out.push({
      argv: shellWords(line).slice(2),
      line,
      start: bodyStart,
      end: bodyStart + m[2]!.length,
      output: m[2]!,
    });
  }
  return out;
}
