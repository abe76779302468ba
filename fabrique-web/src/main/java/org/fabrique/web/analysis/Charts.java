package org.fabrique.web.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.error.StorageException;
import org.fabrique.web.Json;

/**
 * The data of the charts of a matrix, as JSON that the page's script turns into ECharts options.
 * The page holds it in a data attribute (escaped by the template), so no inline script is needed.
 */
public final class Charts {
  private Charts() {}

  public static String json(Matrix matrix, Matrix.Measure measure, String kind) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind);
    data.put("title", matrix.corner());
    data.put("rows", matrix.rows().stream().map(Matrix.Header::label).toList());
    data.put("columns", matrix.columns().stream().map(Matrix.Header::label).toList());
    List<List<Long>> values = new ArrayList<>();
    for (int row = 0; row < matrix.rows().size(); row++) {
      List<Long> line = new ArrayList<>();
      for (int column = 0; column < matrix.columns().size(); column++) {
        line.add(matrix.cell(row, column).value(measure));
      }
      values.add(line);
    }
    data.put("values", values);
    try {
      return Json.mapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new StorageException("The chart data could not be written", e);
    }
  }
}
