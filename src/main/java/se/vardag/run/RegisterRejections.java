package se.vardag.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.vardag.ingest.ContractFileReader;
import se.vardag.ingest.HeaderMapping;
import se.vardag.ingest.InputContract;
import se.vardag.ingest.InputFolder;
import se.vardag.ingest.ReferenceChecks;
import se.vardag.ingest.Values;
import se.vardag.ingest.csv.CsvRecord;
import se.vardag.ingest.csv.CsvRecordReader;
import se.vardag.model.Columns;
import se.vardag.publish.RunManifest;

/**
 * Every rejected row of the initiative register, for the run manifest's {@code register_rejections}
 * (SPEC section 7: leadership must know that an initiative is missing from the register). Each is
 * {@code {"line": <long or null>, "reason": "...", Columns.INITIATIVE_ID: "<or null>", "name": "<or
 * null>"}}; the id and name are read from the raw record with the file's header mapping, and are
 * null when the record does not hold them readably (malformed CSV, too few fields, empty cell).
 */
final class RegisterRejections {
  static final String KEY = "register_rejections";

  /** One rejected register row. */
  record Entry(Long line, String reason, String initiativeId, String name) {}

  private RegisterRejections() {}

  /** Puts the register's rejected rows (see {@link ReferenceChecks#registerRejections()}) on the manifest. */
  static List<Entry> record(InputFolder folder, List<ReferenceChecks.RegisterRejection> rows, RunManifest manifest) {
    HeaderMapping mapping = null;
    if (!rows.isEmpty()) {
      Optional<se.vardag.Location> path = folder.file(InputContract.INITIATIVES);
      if (path.isPresent()) {
        try {
          mapping = ContractFileReader.header(path.get().open(folder.fs()), QualityGate.REGISTER,
              InputContract.INITIATIVES, new ArrayList<>());
        } catch (IOException e) {
          mapping = null; // the header was read moments ago; without it the id and name stay null
        }
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (ReferenceChecks.RegisterRejection r : rows) {
      entries.add(entry(mapping, r.line(), r.reason(), r.record()));
    }
    ArrayNode array = manifest.array(KEY);
    array.removeAll();
    for (Entry e : entries) {
      ObjectNode o = array.addObject();
      if (e.line() == null) {
        o.putNull("line");
      } else {
        o.put("line", e.line());
      }
      o.put("reason", e.reason());
      o.put(Columns.INITIATIVE_ID, e.initiativeId());
      o.put("name", e.name());
    }
    return entries;
  }

  /** The entry of one rejected record, its id and name read under {@code mapping} (null: not known). */
  static Entry entry(HeaderMapping mapping, Long line, String reason, String record) {
    String id = null;
    String name = null;
    if (mapping != null && record != null) {
      try (CsvRecordReader reader = new CsvRecordReader(new StringReader(record))) {
        CsvRecord parsed = reader.next();
        if (parsed != null && !parsed.malformed()) {
          id = field(parsed.fields(), mapping.position(InputContract.INITIATIVES.indexOf(Columns.INITIATIVE_ID)));
          name = field(parsed.fields(), mapping.position(InputContract.INITIATIVES.indexOf("name")));
        }
      } catch (IOException e) {
        // a string cannot fail to be read; keep both unknown
      }
    }
    return new Entry(line, reason, id, name);
  }

  private static String field(List<String> fields, int at) {
    if (at < 0 || at >= fields.size()) {
      return null;
    }
    String v = Values.trim(fields.get(at));
    return v.isEmpty() ? null : v;
  }
}
