package se.vardag.generate;

import java.util.List;
import se.vardag.generate.Story.Behaviour;
import se.vardag.generate.Story.Course;
import se.vardag.generate.Story.FollowUps;
import se.vardag.generate.Story.Kpi;
import se.vardag.generate.Story.Learning;
import se.vardag.generate.Story.Outsiders;
import se.vardag.generate.Story.Slot;

/**
 * The stories the sample organisation tells (SPEC section 1), in register order. The expected
 * verdicts hold at D = the end date with the default arguments; data-samples/README.md explains
 * each one. With more initiatives than stories, the list repeats on the regional sites.
 */
final class Stories {
  private Stories() {}

  static final Course ITIL = new Course("ITIL4-F", "ITIL 4 Foundation", 21.0, true);

  private static final String SERVICENOW_ITIL =
      "servicenow:incident.categorize;servicenow:knowledge.link;servicenow:problem.create";
  private static final List<String> ITIL_ACTIONS =
      List.of("servicenow:incident.categorize", "servicenow:knowledge.link", "servicenow:problem.create");

  private static final List<Story> ALL = List.of(
      // 1. Organisation B: the ITIL course followed through.
      new Story("itil_followed_through", "ITIL-baserad incidenthantering, Service Desk Nord",
          List.of("IT/Service Desk Nord"), "G-01", new Slot("IT/Service Desk Nord", 1), null, true,
          -179, -91, "operational", List.of(ITIL), SERVICENOW_ITIL, ITIL_ACTIONS, 2.0, 30,
          new Kpi("incident_resolution_hours", "lower_is_better", 9.0, 4.6, 0.55, "INC", 1),
          new Behaviour(0.92, 0.95, 0.3, 0.55, 0.95, 0.6, 0.02, 21),
          new Learning(0.9, 1.75, 2, List.of("workshop", "peer_learning"), 0.8),
          new FollowUps("IT-ledningsgruppen", 2, 4, List.of(
              "Processägaren redovisade läget. Incidenter kategoriseras nu enligt ITIL, kunskapsartiklar länkas.",
              "Mognad bedömd enligt självskattning, \"problemhantering\" införs nästa steg.",
              "Veckovis övningstid hålls i schemat; workshop om eskalering genomförd.\nNästa: mät återöppnade ärenden.")),
          new Outsiders(List.of("IT/Drift"), 2, 0.05, true),
          "on_track", List.of()),
      // 2. Organisation A: the same course as a one-off.
      new Story("itil_one_off", "ITIL-utbildning, Service Desk Syd",
          List.of("IT/Service Desk Syd"), null, null, null, null,
          -179, -91, "operational", List.of(ITIL), SERVICENOW_ITIL, ITIL_ACTIONS, null, null,
          new Kpi("incident_resolution_hours", null, 8.6, 8.6 * 1.25, 0.5, "INC", 1),
          new Behaviour(0.86, 0.8, 0.1, 0.45, 0.2, 0.35, 0.01, 21),
          Learning.none(), FollowUps.none(), Outsiders.none(),
          "lacks_follow_through", List.of("NO_OWNER", "NO_GOAL", "NO_FOLLOW_UP_CADENCE", "NO_PRACTICE_TIME",
              "TRAINED_NOT_USING", "NO_LEARNING_FOLLOW_UP", "LOW_ADOPTION", "ADOPTION_DECAY", "NO_EFFECT")),
      // 3. An AI pilot about to end, nobody owns it afterwards.
      new Story("ai_pilot_no_owner", "AI-assistent för kundärenden (pilot)",
          List.of("Kundtjänst"), "G-03", null, null, null,
          -74, 21, "pilot", List.of(new Course("AI-KT-1", "AI-assistenten i kundmötet", 3.5, false)),
          "copilot:*", List.of("copilot:prompt.submit", "copilot:summary.create", "copilot:reply.draft"), 1.0, null,
          new Kpi("case_handling_minutes", "lower_is_better", 14.0, 12.0, 0.45, "KT-", 0),
          new Behaviour(0.8, 0.85, 0.3, 0.4, 0.7, 0.4, 0.02, 21),
          new Learning(0.2, 0.5, 4, List.of("workshop"), 0.4),
          FollowUps.none(),
          new Outsiders(List.of("IT/Utveckling", "Kommunikation"), 4, 0.15, false),
          "in_pilot", List.of("NO_OWNER", "PRACTICE_TIME_UNUSED")),
      // 4. The owner has left; everything else still works, for now.
      new Story("owner_left", "E-faktura med automatisk kontering",
          List.of("Ekonomi"), "G-02", new Slot("Ekonomi/Redovisning", 1), 58, true,
          -172, -77, "operational", List.of(new Course("EFAKT-1", "E-faktura och automatisk kontering", 4.0, false)),
          "visma:invoice.autopost;visma:rule.update", List.of("visma:invoice.autopost", "visma:rule.update"), 1.0, 30,
          new Kpi("invoice_cycle_days", "lower_is_better", 12.0, 6.5, 0.4, "FAKT-", 1),
          new Behaviour(0.85, 0.92, 0.3, 0.5, 0.92, 0.5, 0.02, 28),
          new Learning(0.85, 1.0, 4, List.of("peer_learning"), 0.7),
          new FollowUps("Ekonomiledningsgruppen", 2, 3, List.of(
              "Automatisk kontering täcker de vanligaste leverantörerna.",
              "Regelverket ses över, fler leverantörer läggs till.")),
          Outsiders.none(),
          "lacks_follow_through", List.of("OWNER_LEFT")),
      // 5. Too small to report on: a four-person unit.
      new Story("too_small", "Rutin för registerutdrag enligt GDPR",
          List.of("Juridik/Dataskydd"), "G-04", new Slot("Juridik", 0), null, true,
          -165, -70, "operational",
          List.of(new Course("GDPR-REG", "Registerutdrag enligt GDPR – nytt arbetssätt", 3.0, false)),
          "platina:dsar.register;platina:dsar.close", List.of("platina:dsar.register", "platina:dsar.close"), 1.0, 30,
          null,
          new Behaviour(1.0, 0.5, 0.0, 0.35, 0.5, 0.4, 0.01, 21),
          new Learning(0.8, 1.0, 4, List.of("coaching"), 1.0),
          new FollowUps("Ledningsgruppen Juridik", 2, 3, List.of(
              "Rutinen följs, men få förfrågningar under perioden.",
              "Handläggningstiden för registerutdrag följs i ledningsgruppen.")),
          Outsiders.none(),
          "at_risk", List.of("NO_EFFECT_MEASURE")),
      // 6. Stopped after its pilot.
      new Story("stopped", "Chattbot för HR-frågor på intranätet",
          List.of("HR"), "G-05", new Slot("HR", 1), null, false,
          -186, -147, "stopped",
          List.of(new Course("HRBOT-1", "Chattboten – så granskar och vidarebefordrar du svar", 1.0, false)),
          "hrbot:*", List.of("hrbot:answer.review", "hrbot:question.route"), 0.5, 60,
          null,
          new Behaviour(0.7, 0.7, 0.2, 0.3, 0.0, 0.0, 0.0, 1),
          new Learning(0.3, 0.5, 4, List.of("workshop"), 0.6),
          new FollowUps("HR-ledningsgruppen", 1, 1, List.of(
              "Beslut: piloten avslutas. För få frågor gick via chattboten, svaren krävde manuell granskning.")),
          Outsiders.none(),
          "stopped", List.of()),
      // 7. At risk: the goal it cites was retired (not in goals.csv) and nothing measures its effect.
      new Story("at_risk_no_goal_no_kpi", "Automatiserad patchning och standardändringar",
          List.of("IT/Drift", "IT/Utveckling"), "G-2025-07", new Slot("IT/Drift", 1), null, true,
          -158, -63, "scaling", List.of(new Course("DRIFT-AUTO", "Automatisering med Ansible", 14.0, false)),
          "Ansible:Playbook.Run; servicenow:change.standard_create",
          List.of("ansible:playbook.run", "servicenow:change.standard_create"), 1.0, 30,
          null,
          new Behaviour(0.8, 0.9, 0.3, 0.5, 0.9, 0.5, 0.02, 28),
          new Learning(0.85, 1.0, 3, List.of("workshop"), 0.6),
          new FollowUps("Förvaltningsrådet IT", 2, 3, List.of(
              "Patchning av Windows-servrar sker nu automatiskt, Linux i nästa steg.",
              "Standardändringar godkänns utan CAB; uppföljning av misslyckade körningar.")),
          Outsiders.none(),
          "at_risk", List.of("NO_GOAL", "NO_EFFECT_MEASURE")),
      // 8. A pilot under way, doing what it should.
      new Story("running_pilot", "Inspektionsappen i tillsynen (pilot)",
          List.of("Verksamhet/Tillsyn"), "G-04", new Slot("Verksamhet/Tillsyn", 1), null, true,
          -60, 91, "pilot", List.of(new Course("INSP-APP", "Inspektionsappen – grundkurs", 3.0, false)),
          "inspektion:protocol.submit;inspektion:photo.attach",
          List.of("inspektion:protocol.submit", "inspektion:photo.attach"), 1.0, 30,
          new Kpi("inspection_report_days", "lower_is_better", 9.0, 6.0, 0.35, "TIL-", 1),
          new Behaviour(0.9, 0.9, 0.4, 0.45, 0.9, 0.45, 0.02, 21),
          new Learning(0.85, 1.0, 2, List.of("peer_learning"), 0.7),
          new FollowUps("Verksamhetsrådet", 2, 2, List.of(
              "Piloten löper enligt plan, protokoll skickas direkt från fält.")),
          Outsiders.none(),
          "in_pilot", List.of()),
      // 9. Followed through, with a KPI where higher is better.
      new Story("on_track_higher_is_better", "Klarspråk i beslutsbrev",
          List.of("Verksamhet/Handläggning"), "G-04", new Slot("Verksamhet/Handläggning", 1), null, true,
          -116, -49, "operational", List.of(new Course("KLARSPRAK-1", "Klarspråk i beslut, steg 1", 7.0, false)),
          "platina:template.use;klarsprak:check.run", List.of("platina:template.use", "klarsprak:check.run"), 1.0, 45,
          new Kpi("decision_letter_clarity", "higher_is_better", 58.0, 72.0, 0.12, "BREV-", 0),
          new Behaviour(0.9, 0.92, 0.4, 0.45, 0.9, 0.45, 0.02, 21),
          new Learning(0.85, 1.0, 2, List.of("peer_learning", "workshop"), 0.7),
          new FollowUps("Ledningsgruppen", 2, 4, List.of(
              "Nya mallar används i de flesta beslut; läsbarhetstest visar förbättring.",
              "Klarspråksgranskning ingår nu i ordinarie kvalitetsarbete.")),
          Outsiders.none(),
          "on_track", List.of()));

  static List<Story> all() {
    return ALL;
  }

  static int count() {
    return ALL.size();
  }

  /** The i-th initiative's story: the list in order, repeated. */
  static Story forInitiative(int i) {
    return ALL.get(i % ALL.size());
  }

  /** The i-th initiative's site: the head office for the first round, then one region per round. */
  static int siteOfInitiative(int i) {
    return i / ALL.size();
  }
}
