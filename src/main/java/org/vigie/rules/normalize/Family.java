package org.vigie.rules.normalize;

import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The stemmer that reads a word's family in one language: the inflected and derived forms of a word share
 * its stem (enculé, enculés, enculer; bitch, bitches). French uses Lucene's light stemmer (plurals,
 * feminines, a few derivations), English Snowball's stemmer. Stems are taken from a word as spelled:
 * doubled letters are spelling (fagot is not faggot).
 */
public enum Family {
    FR {
        private final FrenchLightStemmer stemmer = new FrenchLightStemmer();

        @Override
        public String stem(String letters) {
            char[] chars = letters.toCharArray();
            return new String(chars, 0, stemmer.stem(chars, chars.length));
        }
    },
    EN {
        // Snowball's stemmers keep their word in a field: one per thread.
        private final ThreadLocal<EnglishStemmer> stemmer = ThreadLocal.withInitial(EnglishStemmer::new);

        @Override
        public String stem(String letters) {
            EnglishStemmer english = stemmer.get();
            english.setCurrent(letters);
            english.stem();
            return english.getCurrent();
        }
    };

    /** The stem of a word written in lowercase ASCII letters. */
    public abstract String stem(String letters);
}
