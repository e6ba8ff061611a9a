package org.vigie.http;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** The languages Vigie answers readers in: French by default, English on request. */
public final class Languages {

    public static final String DEFAULT = "fr";

    private Languages() {
    }

    /** The first of the client's Accept-Language choices that Vigie speaks, else French. */
    public static String preferred(HttpHeaders headers) {
        List<Locale> acceptable;
        try {
            acceptable = headers.getAcceptableLanguages();
        } catch (RuntimeException malformed) {
            // A broken header ("fr;q=x") is no reason to refuse a comment: answer in French.
            return DEFAULT;
        }
        for (Locale locale : acceptable) {
            String language = locale.getLanguage();
            if ("fr".equals(language) || "en".equals(language)) {
                return language;
            }
        }
        return DEFAULT;
    }
}
