package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.webcare.cases.ReplyCheck.Tone.FORMAL;
import static org.webcare.cases.ReplyCheck.Tone.PERSONAL;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webcare.cases.ReplyCheck.Finding;

class ReplyCheckTests {

    private final ReplyCheck check = ReplyCheck.withOrderNumbers("\\bWW-\\d{6}\\b");

    private List<String> found(String draft) {
        return check.check(draft, FORMAL, true).stream().map(f -> f.kind() + ":" + f.text()).toList();
    }

    // Personal data

    @Test
    void findsIbansWithValidCheckDigitsWithOrWithoutSpaces() {
        assertThat(found("Wij storten het terug op NL91ABNA0417164300.")).containsExactly("iban:NL91ABNA0417164300");
        assertThat(found("Rekening NL91 ABNA 0417 1643 00 is bekend")).containsExactly("iban:NL91 ABNA 0417 1643 00");
        assertThat(found("Wij storten het terug op nl91abna0417164300")).containsExactly("iban:nl91abna0417164300");
        assertThat(found("Refunded to BE68 5390 0754 7034 and DE89 3704 0044 0532 0130 00"))
                .containsExactly("iban:BE68 5390 0754 7034", "iban:DE89 3704 0044 0532 0130 00");
        assertThat(found("Refunded to GB29NWBK60161331926819")).containsExactly("iban:GB29NWBK60161331926819");
    }

    @Test
    void ignoresIbansWithWrongCheckDigitsOrLength() {
        assertThat(found("Wij storten het terug op NL92ABNA0417164300")).isEmpty();
        assertThat(found("Wij storten het terug op NL91 ABNA 0417 1643 0")).isEmpty();
        assertThat(found("Product code AB12CDEF3456789012 is on its way")).isEmpty();
    }

    @Test
    void findsBsnsThatPassTheElevenCheckOnly() {
        assertThat(found("Uw BSN 111222333 staat in het dossier")).containsExactly("bsn:111222333");
        assertThat(found("Uw BSN 123.456.782 staat in het dossier")).containsExactly("bsn:123.456.782");
        assertThat(found("Uw klantnummer 123456789 staat in het dossier")).isEmpty();
        assertThat(found("Uw klantnummer 000000000 staat in het dossier")).isEmpty();
        assertThat(found("Uw dossier 1234567890 staat klaar")).isEmpty();
    }

    @Test
    void findsDutchAndInternationalPhoneNumbers() {
        assertThat(found("Wij bellen u op 06-12345678.")).containsExactly("phone:06-12345678");
        assertThat(found("Wij bellen u op +31 6 1234 5678")).containsExactly("phone:+31 6 1234 5678");
        assertThat(found("Wij bellen u op 020-1234567 of 0612345678")).containsExactly("phone:020-1234567", "phone:0612345678");
        assertThat(found("We will call you on +44 20 7946 0958")).containsExactly("phone:+44 20 7946 0958");
        assertThat(found("Wij bellen u op (020) 1234567")).containsExactly("phone:(020) 1234567");
    }

    @Test
    void ignoresTimesDatesPricesShortAndServiceNumbers() {
        assertThat(found("Wij bellen u om 16:30 op 01-03-2025, het kost € 12,50.")).isEmpty();
        assertThat(found("Wij bellen u op 12-03-2025 om 09.30 uur")).isEmpty();
        assertThat(found("Bel gerust 0800-0402 of 0900-1234567, of kies optie 112")).isEmpty();
        assertThat(found("Het kost € 1.234.567,00 per jaar")).isEmpty();
    }

    @Test
    void findsEmailAddresses() {
        assertThat(found("Mail naar jan.jansen+test@example.nl")).containsExactly("email:jan.jansen+test@example.nl");
        assertThat(found("Mail @webwinkel via DM")).isEmpty();
    }

    @Test
    void findsPostalCodesWithHouseNumbers() {
        assertThat(found("Wij komen naar 1234 AB 12 morgen")).containsExactly("address:1234 AB 12");
        assertThat(found("Wij komen naar 1234AB, 12a morgen")).containsExactly("address:1234AB, 12a");
        assertThat(found("Wij komen naar Dorpsstraat 12, 1234 AB Utrecht")).containsExactly("address:Dorpsstraat 12, 1234 AB");
        assertThat(found("Wij komen naar 1234ab 7")).containsExactly("address:1234ab 7");
    }

    @Test
    void ignoresPostalCodesAloneAndYears() {
        assertThat(found("Wij hebben een winkel in 1234 AB")).isEmpty();
        assertThat(found("Sinds 2019 en 2020 is dat zo")).isEmpty();
    }

    @Test
    void findsOrderNumbersOfTheConfiguredPatternOnly() {
        assertThat(found("Uw bestelling WW-123456 is onderweg")).containsExactly("order:WW-123456");
        assertThat(ReplyCheck.withOrderNumbers("").check("Uw bestelling WW-123456 is onderweg", FORMAL, true)).isEmpty();
    }

    @Test
    void reportsPersonalDataForPublicRepliesOnlyWithTheSuggestionToGoPrivate() {
        assertThat(check.check("Wij bellen u op 06-12345678", FORMAL, false)).isEmpty();
        Finding finding = check.check("Wij bellen u op 06-12345678", FORMAL, true).getFirst();
        assertThat(finding).isEqualTo(new Finding("phone", "06-12345678",
                "'06-12345678' looks like a phone number and must not be in a public reply; reply privately instead"));
        assertThat(finding.isPersonalData()).isTrue();
    }

    // Tone of voice

    @Test
    void warnsWhenAFormalBrandSaysJe() {
        assertThat(check.check("Wat vervelend, we zoeken het direct voor je uit.", FORMAL, false)).containsExactly(
                new Finding("tone", "je", "'je' does not fit the brand's formal tone; address the customer formally with u/uw"));
        assertThat(check.check("Wat vervelend, we zoeken het direct voor u uit.", FORMAL, false)).isEmpty();
    }

    @Test
    void warnsWhenAPersonalBrandSaysU() {
        assertThat(found2("Kunt u uw ordernummer sturen?", PERSONAL)).containsExactly("tone:u", "tone:uw");
        assertThat(found2("Kun je jouw ordernummer sturen?", PERSONAL)).isEmpty();
    }

    @Test
    void warnsWhenAReplyMixesBothForms() {
        List<Finding> findings = check.check("Kunt u je ordernummer sturen? Dan helpen we jou verder.", FORMAL, false);
        assertThat(findings).extracting(Finding::text).containsExactly("je", "jou");
        assertThat(findings.getFirst().message()).startsWith("the reply mixes u and je: 'je' does not fit the brand's formal tone");
        assertThat(check.check("Kunt u je ordernummer sturen? Dan helpen we u verder.", null, false))
                .extracting(Finding::text).containsExactly("je");
    }

    @Test
    void appliesNoToneRulesToEnglish() {
        assertThat(found2("Sorry for the trouble, we will send you a new one. Thank u!", FORMAL)).isEmpty();
        assertThat(found2("Sorry for the trouble, we will send your parcel today.", PERSONAL)).isEmpty();
    }

    // Style

    @Test
    void warnsAboutCapitalsButAllowsAcronymsOfUpToFourLetters() {
        assertThat(found2("Dat is NIET de bedoeling", FORMAL)).isEmpty();
        assertThat(found2("Dat is ECHT NIET de bedoeling", FORMAL)).isEmpty();
        assertThat(found2("Dat is ABSOLUUT NIET de bedoeling", FORMAL)).containsExactly("style:ABSOLUUT NIET");
        assertThat(found2("Uw KPN abonnement bij de ING en de NS, ANWB en HEMA", FORMAL)).isEmpty();
        assertThat(found2("We are SORRY about this", FORMAL)).containsExactly("style:SORRY");
        assertThat(found2("WE ARE SORRY about this", FORMAL)).containsExactly("style:WE ARE SORRY");
    }

    @Test
    void allowsOneExclamationMarkPerReply() {
        assertThat(found2("Wat vervelend! Wij zoeken het uit.", FORMAL)).isEmpty();
        assertThat(found2("Wat vervelend!! Wij zoeken het uit.", FORMAL)).containsExactly("style:vervelend!!");
        assertThat(found2("Wat vervelend! Wij zoeken het direct uit!", FORMAL)).containsExactly("style:uit!");
        assertThat(found2("So sorry! We'll fix it!", FORMAL)).containsExactly("style:it!");
        assertThat(found2("Really?! We'll fix it.", FORMAL)).isEmpty();
    }

    @Test
    void warnsAboutMoreThanThreeEmoji() {
        assertThat(found2("Fijn dat het gelukt is 😊👍🎉", FORMAL)).isEmpty();
        assertThat(found2("Fijn dat het gelukt is 😊👍🎉🙌", FORMAL)).containsExactly("style:🙌");
    }

    @Test
    void findingsComeInTheOrderOfTheText() {
        assertThat(found("ONTZETTEND vervelend! Bel ons, of wij bellen je op 06-12345678!!"))
                .containsExactly("style:ONTZETTEND", "tone:je", "phone:06-12345678", "style:06-12345678!!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"formal", "PERSONAL", " Formal "})
    void parsesTones(String tone) {
        assertThat(ReplyCheck.Tone.parse(tone)).isNotNull();
    }

    @Test
    void refusesUnknownTones() {
        assertThatThrownBy(() -> ReplyCheck.Tone.parse("casual")).hasMessage("tone: 'casual' is not formal or personal");
    }

    private List<String> found2(String draft, ReplyCheck.Tone tone) {
        return check.check(draft, tone, false).stream().map(f -> f.kind() + ":" + f.text()).toList();
    }
}
