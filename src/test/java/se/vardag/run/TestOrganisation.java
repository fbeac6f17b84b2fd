package se.vardag.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * A small organisation written as an input folder for pipeline tests: 60 employees in four
 * units, four initiatives and a usage file per day. Deterministic for a seed.
 */
final class TestOrganisation {
  static final LocalDate LAST_DAY = LocalDate.parse("2026-11-27");

  private TestOrganisation() {}

  static void write(Path dir, int days, long seed) throws IOException {
    Files.createDirectories(dir.resolve("usage"));
    Random random = new Random(seed);
    StringBuilder employees = new StringBuilder("employee_id,display_name,email,org_unit,manager_id,hired_on,left_on\n");
    String[] units = {"IT/Service Desk", "IT/Drift", "HR", "Ekonomi"};
    for (int e = 1; e <= 60; e++) {
      String unit = units[e % units.length];
      String left = e == 7 ? "2026-10-15" : "";
      String hired = e == 8 ? "2026-12-01" : "2021-0" + (1 + e % 9) + "-01";
      employees.append("E").append(e).append(",Anställd ").append(e).append(",e").append(e).append("@x.se,")
          .append(unit).append(",E1,").append(hired).append(',').append(left).append('\n');
    }
    Files.writeString(dir.resolve("employees.csv"), employees);
    Files.writeString(dir.resolve("goals.csv"), "goal_id,title\nG1,Snabbare incidenthantering\n");
    Files.writeString(dir.resolve("initiatives.csv"),
        "initiative_id,name,goal_id,owner_id,owner_has_mandate,pilot_start,pilot_end,status,target_org_units,"
            + "course_ids,usage_signals,practice_hours_per_week,follow_up_every_days,kpi,kpi_direction\n"
            + "ITIL,ITIL-processen,G1,E1,true,2026-09-01,2026-10-15,scaling,IT,ITIL4,servicenow:incident.resolve,"
            + "2,30,resolution_hours,lower_is_better\n"
            + "AI,AI-assistent,,,,2026-10-20,2026-12-10,pilot,HR;Ekonomi,,copilot:*,,,,\n"
            + "ESIGN,E-underskrift,G1,E7,true,2026-08-01,2026-09-30,operational,Ekonomi,ESIGN1,"
            + "esign:document.sign,1,30,,\n"
            + "OLD,Gammal chatbot,,,,2026-01-01,2026-03-01,stopped,HR,,chat:*,,,,\n");
    StringBuilder trainings = new StringBuilder("employee_id,course_id,course_name,completed_on,certified,hours\n");
    for (int e = 1; e <= 60; e += 2) {
      trainings.append("E").append(e).append(",ITIL4,ITIL 4,2026-09-").append(10 + e % 15).append(",true,16\n");
    }
    trainings.append("E3,ESIGN1,E-sign,2026-08-05,,2\n");
    trainings.append("E999,ITIL4,ITIL 4,2026-09-10,true,16\n"); // unknown employee: rejected
    Files.writeString(dir.resolve("trainings.csv"), trainings);
    Files.writeString(dir.resolve("follow_ups.csv"), "initiative_id,held_on,forum,maturity,note\n"
        + "ITIL,2026-10-20,ledningsgrupp,2,\nITIL,2026-11-20,ledningsgrupp,3,\"Bra, men \"\"mer\"\" övning\"\n");
    Files.writeString(dir.resolve("learning_activities.csv"), "employee_id,initiative_id,activity,held_on,hours\n"
        + "E1,ITIL,workshop,2026-11-05,2\nE2,ITIL,workshop,2026-11-05,2\nE5,ITIL,practice,2026-11-20,1.5\n");
    StringBuilder outcomes = new StringBuilder("kpi,org_unit,observed_on,value,unit_id\n");
    for (int k = 0; k < 40; k++) {
      LocalDate d = LocalDate.parse("2026-06-10").plusDays(k * 4);
      outcomes.append("resolution_hours,IT/Service Desk,").append(d).append(',')
          .append(d.isBefore(LocalDate.parse("2026-09-01")) ? 8 + k % 3 : 5 + k % 4).append(",INC").append(k).append('\n');
    }
    Files.writeString(dir.resolve("outcomes.csv"), outcomes);
    for (int back = days - 1; back >= 0; back--) {
      writeUsageDay(dir, LAST_DAY.minusDays(back), random);
    }
  }

  static void writeUsageDay(Path dir, LocalDate day, Random random) throws IOException {
    StringBuilder usage = new StringBuilder("event_time,employee_id,source,action,count\n");
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    for (int e = 1; e <= 62; e++) {
      if (weekend || random.nextInt(10) < 3) {
        continue;
      }
      int hour = 7 + random.nextInt(10);
      String time = String.format("%sT%02d:%02d:00+01:00", day, hour, random.nextInt(60));
      boolean it = e % 4 == 1 || e % 4 == 2;
      if (it && (day.isBefore(LocalDate.parse("2026-10-16")) || e % 3 != 0)) {
        usage.append(time).append(",E").append(e).append(",ServiceNow,Incident.Resolve,").append(1 + random.nextInt(3))
            .append('\n');
      }
      if (e % 4 == 3 || e % 4 == 0) {
        usage.append(time).append(",E").append(e).append(",copilot,chat.ask,1\n");
      }
      usage.append(time).append(",E").append(e).append(",outlook,mail.send,").append(1 + random.nextInt(5)).append('\n');
    }
    Files.writeString(dir.resolve("usage").resolve("usage-" + day + ".csv"), usage);
  }
}
