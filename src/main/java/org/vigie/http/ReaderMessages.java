package org.vigie.http;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What Vigie tells readers, from the bundle {@code messages/readers}: French by default, English when the
 * reader's browser asks for it. The JVM's own locale never chooses the language.
 */
public final class ReaderMessages {

    static final String BUNDLE = "messages/readers";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ReaderMessages() {
    }

    /** The message under {@code key} in {@code language} ("fr" or "en", from {@link Languages#preferred}). */
    public static String get(String key, String language) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, locale, ReaderMessages.class.getClassLoader(), NO_FALLBACK).getString(key);
    }
}
