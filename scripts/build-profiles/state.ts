/**
 * State the steps of scripts/build-profiles.ts share. Problems are collected, not thrown, so one run
 * reports every bad value at once. usedExclusions holds the REVIEWED_UNUSABLE entries the data still
 * has, so a stale entry is reported and the summary can name the values left unknown.
 */
import { relative } from 'node:path';
import { ROOT } from './config.ts';

export const problems: string[] = [];
export const usedExclusions = new Set<string>();

export function problem(file: string, line: number | null, message: string): void {
  problems.push(`${relative(ROOT, file)}${line === null ? '' : `:${line}`}: ${message}`);
}
