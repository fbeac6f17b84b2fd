package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The org units of Vardagsverket, a fictional Swedish agency: a head office (site 0) and, for
 * larger rosters, regional offices with the same structure under {@code Region <city>/}.
 * A site holds {@link #SITE_SIZE} people; a roster of N employees has about N / SITE_SIZE sites.
 */
final class Organisation {
  /** People per site in the template; the default roster staffs exactly one site. */
  static final int SITE_SIZE = 320;
  /** Share of the roster that left before the usage period (HR keeps them in the snapshot). */
  static final double FORMER_SHARE = 0.03;

  private record Template(String localPath, UnitKind kind, int size, boolean fixed) {}

  /** The structure of one site. Fixed units keep their size at every scale (the small groups). */
  private static final List<Template> TEMPLATE = List.of(
      new Template("Ledning", UnitKind.MANAGEMENT, 6, false),
      new Template("IT", UnitKind.IT_MANAGEMENT, 4, false),
      new Template("IT/Service Desk Nord", UnitKind.SERVICE_DESK, 24, false),
      new Template("IT/Service Desk Syd", UnitKind.SERVICE_DESK, 22, false),
      new Template("IT/Drift", UnitKind.OPERATIONS, 18, false),
      new Template("IT/Utveckling", UnitKind.DEVELOPMENT, 20, false),
      new Template("HR", UnitKind.HR, 12, false),
      new Template("HR/Rekrytering", UnitKind.HR, 6, false),
      new Template("Ekonomi", UnitKind.FINANCE, 4, false),
      new Template("Ekonomi/Redovisning", UnitKind.FINANCE, 14, false),
      new Template("Ekonomi/Lön", UnitKind.FINANCE, 8, false),
      new Template("Juridik", UnitKind.LEGAL, 5, false),
      new Template("Juridik/Dataskydd", UnitKind.LEGAL, 4, true),
      new Template("Kundtjänst/Ledning och kvalitet", UnitKind.CUSTOMER_SERVICE, 4, true),
      new Template("Kundtjänst/Team Öst", UnitKind.CUSTOMER_SERVICE, 30, false),
      new Template("Kundtjänst/Team Väst", UnitKind.CUSTOMER_SERVICE, 28, false),
      new Template("Kundtjänst/Team Nord", UnitKind.CUSTOMER_SERVICE, 26, false),
      new Template("Kommunikation", UnitKind.COMMUNICATION, 10, false),
      new Template("Verksamhet/Handläggning", UnitKind.CASEWORK, 46, false),
      new Template("Verksamhet/Tillsyn", UnitKind.INSPECTION, 29, false));

  private static final List<String> REGIONS = List.of(
      "Göteborg", "Malmö", "Uppsala", "Linköping", "Örebro", "Västerås", "Umeå", "Luleå",
      "Jönköping", "Växjö", "Gävle", "Sundsvall", "Karlstad", "Borås", "Östersund", "Kalmar",
      "Falun", "Halmstad", "Skövde", "Visby", "Norrköping", "Helsingborg", "Kristianstad",
      "Eskilstuna", "Nyköping", "Trollhättan", "Skellefteå", "Örnsköldsvik", "Kiruna", "Ystad");

  private final List<OrgUnit> units;

  private Organisation(List<OrgUnit> units) {
    this.units = List.copyOf(units);
  }

  static int formerCount(int employees) {
    return (int) Math.round(employees * FORMER_SHARE);
  }

  static int siteCount(int employees) {
    int structure = employees - formerCount(employees);
    return Math.max(1, (int) Math.round(structure / (double) SITE_SIZE));
  }

  static String sitePrefix(int site) {
    if (site == 0) {
      return "";
    }
    int i = site - 1;
    String city = REGIONS.get(i % REGIONS.size());
    int round = i / REGIONS.size();
    return "Region " + city + (round == 0 ? "" : " " + (round + 1)) + "/";
  }

  /** The region's name for display ("Huvudkontoret" for site 0). */
  static String siteName(int site) {
    String prefix = sitePrefix(site);
    return prefix.isEmpty() ? "Huvudkontoret" : prefix.substring(0, prefix.length() - 1);
  }

  /** Units of every site, sized so that together they hold the roster minus former employees. */
  static Organisation build(int employees) {
    int sites = siteCount(employees);
    int structure = employees - formerCount(employees);
    int fixedTotal = 0;
    int weightTotal = 0;
    for (Template t : TEMPLATE) {
      if (t.fixed()) {
        fixedTotal += t.size() * sites;
      } else {
        weightTotal += t.size() * sites;
      }
    }
    int rest = Math.max(0, structure - fixedTotal);
    int n = TEMPLATE.size() * sites;
    int[] sizes = new int[n];
    double[] remainders = new double[n];
    int assigned = 0;
    for (int s = 0; s < sites; s++) {
      for (int u = 0; u < TEMPLATE.size(); u++) {
        Template t = TEMPLATE.get(u);
        int i = s * TEMPLATE.size() + u;
        if (t.fixed()) {
          sizes[i] = t.size();
        } else {
          double exact = rest * (double) t.size() / weightTotal;
          sizes[i] = (int) Math.floor(exact);
          remainders[i] = exact - sizes[i];
          assigned += sizes[i];
        }
      }
    }
    // Largest remainders first (ties: the earlier unit), until the structure is full.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!TEMPLATE.get(i % TEMPLATE.size()).fixed()) {
        order.add(i);
      }
    }
    order.sort((a, b) -> Double.compare(remainders[b], remainders[a]));
    for (int k = 0; k < rest - assigned; k++) {
      sizes[order.get(k)]++;
    }
    List<OrgUnit> units = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      for (int u = 0; u < TEMPLATE.size(); u++) {
        Template t = TEMPLATE.get(u);
        int size = sizes[s * TEMPLATE.size() + u];
        if (size > 0) {
          units.add(new OrgUnit(s, t.localPath(), sitePrefix(s) + t.localPath(), t.kind(), size));
        }
      }
    }
    return new Organisation(units);
  }

  List<OrgUnit> units() {
    return units;
  }

  int sites() {
    return units.isEmpty() ? 0 : units.get(units.size() - 1).site() + 1;
  }

  Optional<OrgUnit> unit(int site, String localPath) {
    requireNonNull(localPath, "localPath is null");
    return units.stream().filter(u -> u.site() == site && u.localPath().equals(localPath)).findFirst();
  }
}
