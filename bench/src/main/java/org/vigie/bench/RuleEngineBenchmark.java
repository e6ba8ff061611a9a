package org.vigie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vigie.rules.InvalidRuleSet;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.RuleEngine;
import org.vigie.rules.RuleSet;
import org.vigie.rules.RuleSetParser;
import org.vigie.rules.Submission;
import org.vigie.rules.Verdict;
import org.vigie.rules.normalize.NormalizedText;
import org.vigie.rules.normalize.Token;

/**
 * Cost of moderating one comment with the rules engine: the default rule set on comments of 2,000 and
 * 200 characters, one word list of growing size, and text normalisation alone.
 *
 * <p>Every input is built deterministically in {@code @Setup}, and checked there to produce the verdict
 * it stands for (a clean comment is visible, a disguised one is rejected, a generated list never
 * matches), so a change in the engine cannot silently turn a benchmark into a different one.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleEngineBenchmark {

    static final int LONG_LENGTH = 2_000;
    static final int SHORT_LENGTH = 200;
    static final long SEED = 20_240_611L;

    /** Sentences of ordinary news comments: no list entry, no link, no shouting, no repeats. */
    static final List<String> CLEAN_SENTENCES = List.of(
            "Je lis cet article avec attention et je trouve que le journaliste a bien résumé la situation.",
            "Le conseil municipal aurait dû consulter les habitants avant de voter ce budget.",
            "Merci pour ce reportage, les témoignages des agriculteurs sont vraiment éclairants.",
            "On parle beaucoup de la réforme des retraites, mais trop peu de la santé au travail.",
            "Les chiffres de l'Insee montrent pourtant une hausse de 2,3 % des prix alimentaires sur un an.",
            "Je ne suis pas d'accord avec l'auteur : la ligne de tramway servira surtout aux étudiants.",
            "Dans mon village, la boulangerie a fermé en mars et personne ne l'a reprise.",
            "Il faudrait comparer avec ce qui se fait en Allemagne ou aux Pays-Bas, où le vélo est roi.",
            "La ministre a promis des moyens supplémentaires pour l'hôpital, on attend de voir.",
            "Très bon papier, même si j'aurais aimé lire l'avis des syndicats enseignants.",
            "Les inondations de l'automne dernier ont montré que les digues ne suffisent plus.",
            "Quelqu'un sait-il si la consultation publique est encore ouverte jusqu'à la fin du mois ?",
            "Mon fils prend le train tous les jours pour Lyon et les retards sont devenus quotidiens.",
            "Ce n'est pas la première fois que la préfecture annonce ce projet, puis le repousse.",
            "Le prix de l'électricité pèse lourd pour les petites entreprises de la région.",
            "Je salue le travail des bénévoles de la banque alimentaire, ils font un travail immense.",
            "L'article oublie de préciser que la loi a été votée en première lecture seulement.",
            "Les élus de l'opposition réclament un audit indépendant, ce qui paraît raisonnable.",
            "À quand un vrai débat sur la place de la voiture dans le centre-ville ?",
            "Ma grand-mère a connu la crue de 1955 et elle dit que l'eau montait bien plus haut.",
            "Les commerçants du marché couvert se plaignent du manque de places de stationnement.",
            "On oublie souvent que le télétravail a changé la vie de nombreux salariés en périphérie.",
            "La photo de la cathédrale au lever du soleil est superbe, bravo au photographe.",
            "Je rappelle que le festival attire chaque été plus de quarante mille visiteurs.",
            "Cette décision du tribunal administratif risque de faire jurisprudence dans le département.",
            "Les parents d'élèves attendent toujours une réponse sur la fermeture de la classe.",
            "Un peu de nuance ferait du bien dans ce débat où chacun campe sur ses positions.",
            "Le club de rugby a réalisé une saison remarquable malgré un budget modeste.",
            "Pourquoi ne pas publier le rapport complet plutôt que quelques extraits choisis ?",
            "J'habite près de la zone industrielle et le bruit des camions commence dès cinq heures.");

    /** Insults, vulgar words and links in disguise: leetspeak, capitals, accents, look-alikes, spacing. */
    static final List<String> DISGUISED_SENTENCES = List.of(
            "Quelle bande de c0nn4rds au conseil, franchement.",
            "ESPÈCE DE CONNARD, tu n'as rien compris.",
            "Le rédacteur est un vrai s4l4ud, voilà tout.",
            // Cyrillic о and а in "connard".
            "Encore un \u0441\u043Enn\u0430rd qui donne des leçons.",
            "Franchement, c o n n a r d, relis l'article.",
            "Quel b0rd3l ce chantier du tramway.",
            "Sale enfoirééé, tu devrais avoir honte.",
            "C'est de la m3rde, ce projet de rocade.",
            "Pour gagner de l'argent voir https://www.100dollars-seo.com/offre tout de suite.",
            "Ta gueule le député, on a compris.",
            // Masked, cut-up and spelled-out words, a word's family, and contacts in disguise.
            "Quel c*nnard ce type, et ce p_tain de chantier.",
            "Franchement, con.nard, co nn ard, e-n-c-u-l-é, relis-toi.",
            "Ces enculés d'élus n'écoutent personne.",
            "Écrivez-moi julie [at] yahoo [dot] fr ou au 06 12 34 56 78, et voyez gagner-vite[.]net.");

    RuleSet defaultRules;
    String body2000;
    String disguised2000;
    String body200;
    Submission clean2000;
    Submission dirty2000;
    Submission clean200;

    @Setup(Level.Trial)
    public void setUp() throws InvalidRuleSet {
        defaultRules = new RuleSetParser().parse(resource("/rules/default-rules.yaml"));
        body2000 = clean(LONG_LENGTH, new Random(SEED));
        body200 = clean(SHORT_LENGTH, new Random(SEED + 1));
        disguised2000 = disguised(LONG_LENGTH, new Random(SEED + 2));
        clean2000 = Submission.comment(body2000);
        dirty2000 = Submission.comment(disguised2000);
        clean200 = Submission.comment(body200);

        expectClean(RuleEngine.decide(defaultRules, clean2000), "the 2,000-character clean comment");
        expectClean(RuleEngine.decide(defaultRules, clean200), "the 200-character clean comment");
        Verdict dirty = RuleEngine.decide(defaultRules, dirty2000);
        Set<String> fired = ruleIds(dirty);
        if (dirty.status() != ModerationStatus.REJECTED
                || !fired.containsAll(List.of("spam-domain", "insult", "vulgar", "links"))) {
            throw new IllegalStateException("the disguised comment should be rejected by spam-domain, insult, vulgar"
                    + " and links, but is " + dirty.status() + " by " + fired);
        }
    }

    // ----- the default rule set ------------------------------------------------------------------

    /** (a) The default rule set on a 2,000-character comment that no rule retains. */
    @Benchmark
    public Verdict defaultRules_clean2000() {
        return RuleEngine.decide(defaultRules, clean2000);
    }

    /** (b) The default rule set on a 2,000-character comment with disguised insults, vulgarity and a spam link. */
    @Benchmark
    public Verdict defaultRules_disguised2000() {
        return RuleEngine.decide(defaultRules, dirty2000);
    }

    /** (c) The default rule set on a 200-character comment that no rule retains. */
    @Benchmark
    public Verdict defaultRules_clean200() {
        return RuleEngine.decide(defaultRules, clean200);
    }

    // ----- normalisation alone -------------------------------------------------------------------

    /** Folding and cutting the 2,000-character comment into words, as every text rule reads it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public NormalizedText normalize_clean2000() {
        return NormalizedText.of(body2000);
    }

    /**
     * Normalisation plus its disguise step: words with masked letters (c*nnard) and words cut in pieces
     * (con.nard, co nn ard), on the comment full of them.
     */
    @Benchmark
    public void normalizeDisguised_disguised2000(Blackhole blackhole) {
        NormalizedText text = NormalizedText.of(disguised2000);
        blackhole.consume(text.masked());
        blackhole.consume(text.joined());
    }

    /**
     * Normalisation plus the leetspeak readings of every word. Stretched letters have no reading of their
     * own: they are undone when words are compared ({@code Runs}), which this does not measure.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public void normalizeWithVariants_clean2000(Blackhole blackhole) {
        for (Token token : NormalizedText.of(body2000).tokens()) {
            blackhole.consume(token.variants());
        }
    }

    // ----- list size -----------------------------------------------------------------------------

    /** One text rule whose inline list holds {@code words} generated words, none of them in the comment. */
    @State(Scope.Benchmark)
    public static class ListSize {

        @Param({ "10", "1000", "10000" })
        public int words;

        RuleSet rules;
        Submission comment;

        @Setup(Level.Trial)
        public void setUp(RuleEngineBenchmark bench) throws InvalidRuleSet {
            comment = bench.clean2000;
            Set<String> readings = new HashSet<>();
            for (Token token : NormalizedText.of(bench.body2000).tokens()) {
                readings.addAll(token.variants());
            }
            Random random = new Random(SEED + words);
            Set<String> list = new HashSet<>();
            while (list.size() < words) {
                String word = randomWord(random);
                if (readings.stream().noneMatch(reading -> reading.startsWith(word))) {
                    list.add(word);
                }
            }
            StringBuilder yaml = new StringBuilder(words * 12 + 200)
                    .append("name: list size\n")
                    .append("rules:\n")
                    .append("  - id: words\n")
                    .append("    when:\n")
                    .append("      text:\n")
                    .append("        list: [");
            String separator = "";
            for (String word : list.stream().sorted().toList()) {
                yaml.append(separator).append('"').append(word).append('"');
                separator = ", ";
            }
            yaml.append("]\n")
                    .append("    action: reject\n");
            rules = new RuleSetParser(file -> Optional.empty()).parse(yaml.toString());
            RuleEngine.Evaluation evaluation = RuleEngine.evaluate(rules, comment);
            if (rules.rules().size() != 1 || !evaluation.matches().isEmpty()) {
                throw new IllegalStateException("the generated list of " + words + " words should never match the"
                        + " comment, but matched " + evaluation.matches());
            }
        }

        private static String randomWord(Random random) {
            char[] letters = new char[6 + random.nextInt(5)];
            for (int i = 0; i < letters.length; i++) {
                letters[i] = (char) ('a' + random.nextInt(26));
            }
            return new String(letters);
        }
    }

    /** One text rule, a list of 10, 1,000 or 10,000 words, the same 2,000-character comment. */
    @Benchmark
    public Verdict listSize_clean2000(ListSize list) {
        return RuleEngine.decide(list.rules, list.comment);
    }

    // ----- inputs --------------------------------------------------------------------------------

    /** The clean sentences in a shuffled order, each once (30 of them make about 2,500 characters). */
    static String clean(int length, Random random) {
        StringBuilder text = new StringBuilder(length + 200);
        List<String> pool = shuffled(random);
        for (int i = 0; text.length() < length; i++) {
            appendSentence(text, pool.get(i % pool.size()));
        }
        return cut(text, length);
    }

    /** Clean sentences with every disguised one sprinkled in, cut to exactly {@code length} characters. */
    static String disguised(int length, Random random) {
        List<String> pool = shuffled(random);
        StringBuilder text = new StringBuilder(length + 200);
        int next = 0;
        for (String sentence : DISGUISED_SENTENCES) {
            appendSentence(text, sentence);
            appendSentence(text, pool.get(next++ % pool.size()));
        }
        if (text.length() > length) {
            throw new IllegalStateException("the disguised sentences alone are longer than " + length + " characters");
        }
        while (text.length() < length) {
            appendSentence(text, pool.get(next++ % pool.size()));
        }
        return cut(text, length);
    }

    private static List<String> shuffled(Random random) {
        List<String> pool = new ArrayList<>(CLEAN_SENTENCES);
        Collections.shuffle(pool, random);
        return pool;
    }

    private static void appendSentence(StringBuilder text, String sentence) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(sentence);
    }

    /**
     * The first {@code length} characters, ending on a whole word: when the cut falls inside a word, the
     * rest of the text is padded with the spaces it loses, so no truncated word ("con" of "conseil") can
     * turn into another.
     */
    private static String cut(StringBuilder text, int length) {
        if (text.length() <= length || !Character.isLetterOrDigit(text.charAt(length))) {
            return text.substring(0, length);
        }
        int end = length;
        while (end > 0 && text.charAt(end - 1) != ' ') {
            end--;
        }
        return text.substring(0, end) + " ".repeat(length - end);
    }

    private static void expectClean(Verdict verdict, String what) {
        // The shadow rule new-author records a match for every author never approved; it decides nothing.
        Set<String> fired = ruleIds(verdict);
        fired.remove("new-author");
        fired.remove("default");
        if (verdict.status() != ModerationStatus.VISIBLE || !fired.isEmpty()) {
            throw new IllegalStateException(what + " should pass every rule, but is " + verdict.status() + " by " + fired);
        }
    }

    private static Set<String> ruleIds(Verdict verdict) {
        Set<String> ids = new HashSet<>();
        for (Match match : verdict.matches()) {
            ids.add(match.ruleId());
        }
        return ids;
    }

    private static String resource(String path) {
        try (InputStream in = RuleEngineBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }
}
