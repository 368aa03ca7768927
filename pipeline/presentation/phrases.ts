/** The report wording of one language (phrases.zh.json / phrases.en.json). */
import zh from './phrases.zh.json';
import en from './phrases.en.json';
import type { Lang } from '../../core/types';

/** A sentence of a template list: always kept, or kept when the value named by `if` is non-zero. */
export type Sentence = string | { text: string; if: string };

/** The shape both phrase files share. */
export type Phrases = Omit<typeof zh, '$comment' | 'docx'> & {
  docx: Omit<typeof zh.docx, 'opening' | 'sections'> & {
    opening: Sentence[];
    /**
     * `problems`: the section opens with the data-drawn problem paragraph (fillProblems);
     * `placeholder`: what the county must write there itself (the statistics cannot fill it), shown marked.
     */
    sections: {
      heading: string;
      problems?: boolean;
      placeholder?: string;
      sentences: Sentence[];
    }[];
  };
};

/** The phrases of `lang`. */
export function phrasesFor(lang: Lang): Phrases {
  return lang === 'en' ? en : zh;
}
