package io.planwise.projection;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.LocalTimeTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;

/**
 * Flink's POJO analysis treats a {@link LocalDate} field as a generic (Kryo) type, which made
 * serializing employees and mart rows several times slower. Registering Flink's own LocalDate
 * type for it, once per JVM before any type is extracted, keeps the model free of Flink
 * annotations and every date field on Flink's fast serializer.
 */
public final class LocalDateTypes extends TypeInfoFactory<LocalDate> {
    static {
        // A session cluster runs each submission in a new class loader while TypeExtractor's
        // registry lives in Flink's: a factory from an earlier submission already does the job.
        if (TypeExtractor.getTypeInfoFactory(LocalDate.class) == null) {
            TypeExtractor.registerFactory(LocalDate.class, LocalDateTypes.class);
        }
    }

    /** Idempotent; the registration happens in the static initializer. */
    public static void register() {
        // class initialization does the work
    }

    @Override
    public TypeInformation<LocalDate> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return LocalTimeTypeInfo.LOCAL_DATE;
    }
}
