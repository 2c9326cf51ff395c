#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few libm functions the simulator needs, without importing Foundation.
enum Foundationless {
    static func log(_ x: Double) -> Double {
        #if canImport(Darwin)
        Darwin.log(x)
        #else
        Glibc.log(x)
        #endif
    }

    static func exp(_ x: Double) -> Double {
        #if canImport(Darwin)
        Darwin.exp(x)
        #else
        Glibc.exp(x)
        #endif
    }

    static func cos(_ x: Double) -> Double {
        #if canImport(Darwin)
        Darwin.cos(x)
        #else
        Glibc.cos(x)
        #endif
    }
}
